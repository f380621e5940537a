using MlApp.BatchJob;
using MlApp.Jobs;
using MlApp.Model.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddBasicServiceDefaults();
builder.AddJobs();
builder.AddModel();
builder.AddBatchWorker();

// The task exists to drain the queue: when nothing is claimable (or it is told to stop) the host stops and the task exits 0.
await builder.Build().RunAsync();
return Environment.ExitCode;
