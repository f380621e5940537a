using MlApp.Web;
using MlApp.Web.Jobs;
using MlApp.Web.Predictions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMlAppWeb();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapPredictApi();
app.MapJobsApi();
app.MapGet("/", () => "MlApp is running.");
app.Run();
