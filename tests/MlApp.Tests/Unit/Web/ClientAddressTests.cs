using System.Net;
using MlApp.Web.Limits;

namespace MlApp.Tests.Unit.Web;

[Trait("Category", "Unit")]
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_address_partitions_by_ipv4_address_or_ipv6_slash_64(string address, string expected)
    {
        Assert.Equal(expected, ClientAddress.PartitionOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_missing_address_has_a_partition_of_its_own()
    {
        Assert.Equal("unknown", ClientAddress.PartitionOf(null));
    }
}
