using System.ComponentModel.DataAnnotations;

namespace MlApp.Web.Security.KeyRing;

/// <summary>The shared data-protection key ring; bound from <c>DataProtection</c>.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Isolates payloads per application. It must be the same on every replica (the default is derived from the
    /// content root path, which may differ), and changing it invalidates every cookie and form token in use.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ApplicationName { get; set; } = "mlapp";

    /// <summary>How long a starting replica keeps trying to read the ring before it gives up with an error.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a replica waits after writing a new key before it reads the ring again. Replicas that start together
    /// on an empty ring each write a key; waiting lets each see the others' keys, and they then agree on one default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan KeySettleDelay { get; set; } = TimeSpan.FromSeconds(2);
}
