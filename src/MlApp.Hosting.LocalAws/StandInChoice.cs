using Microsoft.Extensions.Configuration;

namespace MlApp.Hosting.LocalAws;

/// <summary>The stand-ins this run uses and why, decided once from <c>LocalAws:StandIns</c> and, for <c>auto</c>, the container engine.</summary>
public sealed record StandInChoice(StandInKind Kind, string Reason)
{
    public const string SettingName = "LocalAws:StandIns";

    public static StandInChoice Decide(IConfiguration configuration)
    {
        var setting = configuration[SettingName] ?? nameof(StandInKind.Auto);
        if (!Enum.TryParse<StandInKind>(setting, ignoreCase: true, out var requested) || !Enum.IsDefined(requested))
        {
            throw new InvalidOperationException($"{SettingName} is '{setting}'; use auto, embedded or localstack.");
        }

        if (requested is not StandInKind.Auto)
        {
            return new(requested, $"{SettingName} = {setting}");
        }

        // Aspire's own setting for which container CLI to drive (docker or podman).
        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        var (isHealthy, reason) = ContainerRuntimeProbe.Check(runtime);
        return new(isHealthy ? StandInKind.LocalStack : StandInKind.Embedded, $"auto: {reason}");
    }
}
