using MlApp.Model.Hosting;
using MlApp.RealtimeFunction;
using MlApp.RealtimeFunction.Runtime;

using MlApp.Model.Card;
using MlApp.Model.Features;
var builder = Host.CreateApplicationBuilder(args);
builder.AddBasicServiceDefaults();
builder.AddModel();
builder.Services.AddSingleton(services => new JsonFeatureReader(services.GetRequiredService<ModelCard>()));
builder.AddLambdaRuntime<PredictionHandler>();

// A custom Lambda runtime: the process is the loop that asks the Runtime API for work.
return await builder.Build().RunLambdaRuntimeAsync();
