using System.Net;

namespace MlApp.Aws.Ecs;

/// <summary>ECS refused or failed a call. <see cref="ErrorType"/> is ECS's own name for the error.</summary>
public abstract class EcsException(HttpStatusCode status, string errorType, string errorMessage)
    : Exception($"ECS answered {(int)status} {errorType}: {errorMessage}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>ClientException, InvalidParameterException, ClusterNotFoundException, ... (see <see cref="EcsErrorTypes"/>).</summary>
    public string ErrorType { get; } = errorType;

    public string ErrorMessage { get; } = errorMessage;
}

/// <summary>
/// The request was wrong or not allowed (a 4xx other than throttling): a missing cluster or task definition, a bad
/// parameter, missing permissions. Retrying the same call cannot help, so it never is.
/// </summary>
public sealed class EcsClientException(HttpStatusCode status, string errorType, string errorMessage)
    : EcsException(status, errorType, errorMessage);

/// <summary>ECS throttled the call on every try (Fargate RunTask allows about 20 calls a second); come back later.</summary>
public sealed class EcsThrottledException(HttpStatusCode status, string errorMessage)
    : EcsException(status, EcsErrorTypes.ThrottlingException, errorMessage);

/// <summary>ECS itself failed (5xx) on every try, or answered in a way this client does not understand.</summary>
public sealed class EcsServiceException(HttpStatusCode status, string errorType, string errorMessage)
    : EcsException(status, errorType, errorMessage);
