using MlApp.Web;
using MlApp.Web.Components;
using MlApp.Web.Jobs;
using MlApp.Web.ModelInfo;
using MlApp.Web.Predictions;
using MlApp.Web.Security;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMlAppWeb();

var app = builder.Build();
app.UseMlAppSecurity();
app.UseExceptionHandler();
app.UseStatusCodePagesForBrowsersAndApis();
app.UseUploadPageLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapPredictApi();
app.MapJobsApi();
app.MapModelApi();
app.MapOpenApi();
app.MapScalarApiReference(scalar => scalar.WithNonce().DisableDefaultFonts());
app.MapRazorComponents<App>();
app.Run();
