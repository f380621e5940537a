using MlApp.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddJobs();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/", () => "MlApp is running.");
app.Run();
