using System.ComponentModel.DataAnnotations;

namespace MlApp.Web.Jobs;

/// <summary>Caps on one batch upload; bound from <c>Upload</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Upload";

    [Range(1, 50L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    [Range(1, 1_000_000_000)]
    public long MaxRows { get; set; } = 10_000_000;
}
