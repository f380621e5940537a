using System.Net;
using System.Net.Sockets;

namespace MlApp.Web.Limits;

/// <summary>The rate-limit partition of a client address (after the forwarded-headers middleware has set it).</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address as is; an IPv6 address by its /64, the block one subscriber usually gets, so a client can't
    /// step through its own addresses for fresh buckets.
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
