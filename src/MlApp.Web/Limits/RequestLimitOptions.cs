using System.ComponentModel.DataAnnotations;

namespace MlApp.Web.Limits;

/// <summary>
/// The global caps on one request; bound from <c>RequestLimits</c>. An endpoint that takes more (the CSV upload) raises
/// the body cap for its own requests only.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>
    /// 6 MiB: what Lambda takes in one synchronous call, so /api/predict can answer an oversized body with its own
    /// 413 problem; nothing else in the app needs more. Kestrel's default would be 30 MB.
    /// </summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>All request headers together. Our two cookies take well under 1 KiB; the ALB adds a few headers.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MaxHeaderBytes { get; set; } = 16 * 1024;

    [Range(16, 1000)]
    public int MaxHeaderCount { get; set; } = 64;

    /// <summary>Fields in one form post; the prediction form has one per model input.</summary>
    [Range(16, 100_000)]
    public int MaxFormValues { get; set; } = 256;

    [Range(1024, 4 * 1024 * 1024)]
    public int MaxFormValueBytes { get; set; } = 64 * 1024;
}
