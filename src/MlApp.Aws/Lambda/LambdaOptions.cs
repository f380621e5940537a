using System.ComponentModel.DataAnnotations;

namespace MlApp.Aws.Lambda;

/// <summary>Which function serves realtime predictions; bound from <c>Realtime</c> (env <c>Realtime__FunctionName</c>, ...).</summary>
public sealed class LambdaOptions
{
    public const string SectionName = "Realtime";

    [Required(AllowEmptyStrings = false)]
    public string FunctionName { get; set; } = "";

    /// <summary>A version or alias; in AWS the alias <c>live</c>, so a rollback is one alias move.</summary>
    public string? Qualifier { get; set; }

    /// <summary>Tries in all, the first included, for throttling and service errors. Function errors are never retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How long one call may take. Longer than the function's own timeout (30 s by default), so a slow prediction comes
    /// back as Lambda's clean timeout error rather than as a dropped connection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:16:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(40);
}
