namespace MlApp.Aws.Ecs;

/// <summary>The error types ECS names in <c>__type</c> that this app tells apart.</summary>
public static class EcsErrorTypes
{
    public const string ClientException = "ClientException";
    public const string InvalidParameterException = "InvalidParameterException";
    public const string ClusterNotFoundException = "ClusterNotFoundException";
    public const string AccessDeniedException = "AccessDeniedException";
    public const string ThrottlingException = "ThrottlingException";
    public const string ServerException = "ServerException";
}
