using System.ComponentModel.DataAnnotations;

namespace MlApp.Web.Predictions;

/// <summary>Limits of one realtime request; bound from <c>Predict</c>.</summary>
public sealed class PredictOptions
{
    public const string SectionName = "Predict";

    /// <summary>Rows in one request: enough for a small table, few enough that one call stays well inside Lambda's limits.</summary>
    [Range(1, 10_000)]
    public int MaxRows { get; set; } = 1000;

    /// <summary>Request body bytes. Lambda takes at most 6 MB, and the envelope adds a little.</summary>
    [Range(1, 6 * 1024 * 1024 - 4096)]
    public int MaxBodyBytes { get; set; } = 6 * 1024 * 1024 - 4096;
}
