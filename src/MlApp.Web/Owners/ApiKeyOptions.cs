namespace MlApp.Web.Owners;

/// <summary>
/// API keys from configuration, owner name → key: section <c>ApiKeys</c> (env <c>ApiKeys__alice=...</c>). In AWS the values
/// come from a secret (ECS task definition <c>secrets</c>), never from a file in the repo.
/// </summary>
public sealed class ApiKeyOptions : Dictionary<string, string>
{
    public const string SectionName = "ApiKeys";

    /// <summary>Long enough that guessing is hopeless; <c>openssl rand -base64 32</c> gives 44 characters.</summary>
    public const int MinKeyLength = 32;

    public ApiKeyOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}
