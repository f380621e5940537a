using System.ComponentModel.DataAnnotations;

namespace MlApp.Web.Dispatch;

/// <summary>The dispatcher's safety net; bound from <c>Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>How often each web task checks for jobs that wait with no batch task to run them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SafetyNetInterval { get; set; } = TimeSpan.FromSeconds(30);
}
