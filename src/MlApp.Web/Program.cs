using MlApp.Web;
using MlApp.Web.Jobs;
using MlApp.Web.Predictions;
using MlApp.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMlAppWeb();

var app = builder.Build();
app.UseMlAppSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapPredictApi();
app.MapJobsApi();
app.MapGet("/", () => "MlApp is running.");
app.Run();
