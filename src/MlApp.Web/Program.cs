using MlApp.Web;
using MlApp.Web.Components;
using MlApp.Web.Jobs;
using MlApp.Web.ModelInfo;
using MlApp.Web.Predictions;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMlAppWeb();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePagesForBrowsersAndApis();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapPredictApi();
app.MapJobsApi();
app.MapModelApi();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapRazorComponents<App>();
app.Run();
