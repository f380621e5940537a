using Microsoft.AspNetCore.Http;
using MlApp.Aws.Ecs;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>An error the emulator answers with, in ECS's shape: a status, a <c>__type</c> and a message.</summary>
internal sealed class EcsApiError(int status, string type, string? message) : Exception(message ?? type)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public string? ErrorMessage { get; } = message;

    public static EcsApiError ClusterNotFound() =>
        new(StatusCodes.Status400BadRequest, EcsErrorTypes.ClusterNotFoundException, "Cluster not found.");

    public static EcsApiError UnknownTaskDefinition() =>
        new(StatusCodes.Status400BadRequest, EcsErrorTypes.ClientException, "Unable to describe task definition.");

    public static EcsApiError InvalidParameter(string message) =>
        new(StatusCodes.Status400BadRequest, EcsErrorTypes.InvalidParameterException, message);

    public static EcsApiError Throttling() =>
        new(StatusCodes.Status400BadRequest, EcsErrorTypes.ThrottlingException, "Rate exceeded");

    public static EcsApiError UnknownOperation() =>
        new(StatusCodes.Status400BadRequest, "UnknownOperationException", null);

    public static EcsApiError Serialization(string message) =>
        new(StatusCodes.Status400BadRequest, "SerializationException", message);

    public static EcsApiError MissingAuthenticationToken() =>
        new(StatusCodes.Status400BadRequest, "MissingAuthenticationTokenException", "Missing Authentication Token");

    public static EcsApiError WrongSigningService() =>
        new(StatusCodes.Status400BadRequest, "InvalidSignatureException", "Credential should be scoped to correct service: 'ecs'. ");
}
