namespace MlApp.Web.Jobs;

/// <summary>An upload broke a rule while it streamed; nothing is kept, and the caller gets this status and message.</summary>
public sealed class UploadRejectedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
