using MlApp.Web;
using MlApp.Web.Predictions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMlAppWeb();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapPredictApi();
app.MapGet("/", () => "MlApp is running.");
app.Run();
