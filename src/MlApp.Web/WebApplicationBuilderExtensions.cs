using MlApp.Jobs;
using MlApp.Aws.Ecs;
using MlApp.Aws.Lambda;
using MlApp.Model.Hosting;
using MlApp.ServiceDefaults.Metrics;
using MlApp.Web.Costs;
using MlApp.Web.Dispatch;
using MlApp.Web.Http;
using MlApp.Web.Jobs;
using MlApp.Web.Limits;
using MlApp.Web.Owners;
using MlApp.Web.Predictions;
using MlApp.Web.Security;

using MlApp.Model.Card;
using MlApp.Model.Features;
using MlApp.Model.Invocation;
using MlApp.ServiceDefaults.Configuration;
namespace MlApp.Web;

public static class WebApplicationBuilderExtensions
{
    /// <summary>Everything the web needs besides the service defaults: the model's card, the function, the job store.</summary>
    public static WebApplicationBuilder AddMlAppWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.AddJobs();
        builder.AddLambdaInvoker();
        builder.AddModelCard();
        builder.AddCostEstimate();
        builder.Services.AddSingleton(services => new JsonFeatureReader(services.GetRequiredService<ModelCard>()));
        builder.Services.AddValidatedOptions<PredictOptions>(PredictOptions.SectionName);
        builder.Services.AddValidatedOptions<UploadOptions>(UploadOptions.SectionName);
        builder.Services.AddSingleton<RealtimePredictions>();
        builder.Services.AddSingleton<JobUpload>();
        builder.Services.AddSingleton<JobSubmitter>();
        builder.Services.AddSingleton<JobCancellation>();
        builder.AddEcsClient();
        builder.Services.AddValidatedOptions<DispatchOptions>(DispatchOptions.SectionName);
        builder.Services.AddSingleton<JobDispatcher>();
        builder.AddEmbeddedMetrics(MetricNames.WebService);
        builder.Services.AddHostedService<DispatchSafetyNet>();
        builder.Services.AddOwnerIdentity();
        builder.Services.AddRazorComponents();
        // Serve wwwroot from the build's manifest in every environment, not only Development: the AppHost's tests run
        // the web as Production. A published app has no manifest and serves its copied wwwroot, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddOpenApi();
        builder.AddMlAppSecurity();
        builder.AddMlAppLimits();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PredictJsonContext.Default));
        return builder;
    }
}
