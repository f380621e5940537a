using Microsoft.Extensions.Options;

namespace MlApp.Web.Security;

/// <summary>Refuses the start when a trusted network isn't a CIDR range, rather than silently trusting fewer or more peers.</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var invalid = options.EffectiveNetworks.Where(network => !ProxyOptions.IsValidNetwork(network)).ToList();
        return invalid.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ForwardedHeaders:KnownNetworks: {string.Join(", ", invalid)} is not a CIDR range such as 10.0.0.0/16.");
    }
}
