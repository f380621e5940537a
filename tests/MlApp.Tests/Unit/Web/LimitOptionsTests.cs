using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlApp.Web.Limits;
using MlApp.Web.Security;

namespace MlApp.Tests.Unit.Web;

/// <summary>The size caps and proxy trust as settings provide them, and the start-up checks that catch bad ones.</summary>
[Trait("Category", "Unit")]
public sealed class LimitOptionsTests
{
    [Fact]
    public void The_request_caps_reach_kestrel_and_the_form_reader()
    {
        var services = Build(("RequestLimits:MaxBodyBytes", "7340032"), ("RequestLimits:MaxHeaderCount", "40"), ("RequestLimits:MaxFormValues", "100"));

        var kestrel = services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        var form = services.GetRequiredService<IOptions<FormOptions>>().Value;
        Assert.Equal(7340032, kestrel.MaxRequestBodySize);
        Assert.Equal(40, kestrel.MaxRequestHeaderCount);
        Assert.Equal(16 * 1024, kestrel.MaxRequestHeadersTotalSize);
        Assert.Equal(100, form.ValueCountLimit);
        Assert.Equal(64 * 1024, form.ValueLengthLimit);
    }

    [Fact]
    public void A_body_cap_below_the_predict_cap_fails_the_start()
    {
        var services = Build(("RequestLimits:MaxBodyBytes", "1048576"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RequestLimitOptions>>().Value);

        Assert.Contains("Predict:MaxBodyBytes", error.Message);
    }

    [Fact]
    public void A_rate_of_zero_fails_the_start()
    {
        var services = Build(("RateLimits:PredictionsPerMinute", "0"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);
    }

    [Fact]
    public void Trusted_proxies_default_to_private_networks_and_must_be_cidr_ranges()
    {
        Assert.Equal(ProxyOptions.PrivateNetworks, new ProxyOptions().EffectiveNetworks);
        Assert.Equal(["10.0.0.0/16"], new ProxyOptions { KnownNetworks = ["10.0.0.0/16"] }.EffectiveNetworks);

        var result = new ProxyOptionsValidator().Validate(null, new ProxyOptions { KnownNetworks = ["10.0.0.0/16", "the-alb"] });

        Assert.True(result.Failed);
        Assert.Contains("the-alb", result.FailureMessage);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.AddMlAppLimits();
        return builder.Services.BuildServiceProvider();
    }
}
