using MlApp.Costs;

namespace MlApp.Web.Costs;

/// <summary>
/// The deployment's cost estimate, from the same settings the deployment is sized by (section <c>Costs</c>, set by the
/// AppHost locally and by the CDK stack in AWS); any setting left out keeps the architecture's default.
/// </summary>
public static class CostHosting
{
    public const string SectionName = "Costs";

    public static IHostApplicationBuilder AddCostEstimate(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(SectionName).Get<CostInputs>() ?? CostInputs.Default;
        builder.Services.AddSingleton(CostModel.Estimate(settings));
        return builder;
    }
}
