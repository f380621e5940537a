using Amazon.S3;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Web.Security.KeyRing;

public static class KeyRingExtensions
{
    /// <summary>
    /// Data protection (owner cookies, antiforgery tokens) with one key ring in S3 and one application name, so a
    /// cookie or form issued by any replica is accepted by every other.
    /// </summary>
    /// <remarks>
    /// The keys are stored without an extra encryption layer, on purpose. They sit in the private job bucket, which
    /// blocks public access, requires TLS and is encrypted at rest (SSE); only the web task's role may read the
    /// prefix. Wrapping them (a certificate or a KMS key) would need a second secret that every replica can use, held
    /// by the same task role, so it would add a dependency and no protection against anyone who can already read the
    /// bucket as that role. A deployment that wants it can add KMS-wrapping with its own <see cref="IXmlEncryptor"/>.
    /// </remarks>
    public static IServiceCollection AddS3KeyRing(this IServiceCollection services)
    {
        services.AddValidatedOptions<KeyRingOptions>(KeyRingOptions.SectionName);
        services.AddSingleton(provider => new S3XmlRepository(
            provider.GetRequiredService<IAmazonS3>(),
            provider.GetRequiredService<IOptions<JobsOptions>>().Value.BucketName,
            provider.GetRequiredService<IOptions<KeyRingOptions>>().Value.KeySettleDelay,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<S3XmlRepository>>()));

        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>()
            .Configure<IOptions<KeyRingOptions>>((protection, ring) => protection.ApplicationDiscriminator = ring.Value.ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<S3XmlRepository>((keys, repository) =>
            {
                keys.XmlRepository = repository;
                // Says "stored unencrypted" in each key's XML on purpose, instead of a warning in the log at every new key.
                keys.XmlEncryptor = new NullXmlEncryptor();
            });
        services.AddHostedService<KeyRingWarmup>();
        return services;
    }
}
