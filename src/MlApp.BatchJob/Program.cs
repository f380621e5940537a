using MlApp.BatchJob;
using MlApp.Jobs;

var builder = Host.CreateApplicationBuilder(args);
builder.AddBasicServiceDefaults();
builder.AddJobs();
builder.Services.AddHostedService<QueueDrainer>();

// The task exists to drain the queue: when the drainer is done, the host stops and the task exits 0.
await builder.Build().RunAsync();
return Environment.ExitCode;
