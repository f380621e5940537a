using System.Net;

namespace MlApp.Web.Security;

/// <summary>Which peers may tell the app the client's address and scheme; bound from <c>ForwardedHeaders</c>.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>
    /// Private and loopback ranges: the ALB reaches the tasks from inside the VPC, while anyone on the internet
    /// connects from a public address, so a header they forge is ignored. Narrow it to the VPC's CIDR with
    /// <c>ForwardedHeaders__KnownNetworks__0=10.0.0.0/16</c>.
    /// </summary>
    public static readonly string[] PrivateNetworks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128", "fc00::/7"];

    /// <summary>CIDR ranges of trusted proxies; unset means <see cref="PrivateNetworks"/>.</summary>
    public string[]? KnownNetworks { get; set; }

    public IReadOnlyList<string> EffectiveNetworks => KnownNetworks is { Length: > 0 } networks ? networks : PrivateNetworks;

    public static bool IsValidNetwork(string network) => IPNetwork.TryParse(network, out _);
}
