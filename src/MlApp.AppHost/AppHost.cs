using MlApp.Hosting.Aws;
using MlApp.Hosting.Aws.Costs;
using MlApp.Hosting.LocalAws;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Hosting.LocalAws.Lambda;

var builder = DistributedApplication.CreateBuilder(args);

// Storage: the job table and bucket; locally DynamoDB + S3 stand-ins, in AWS the CDK stack creates the real ones.
var jobStore = builder.AddJobStore();

// Realtime prediction: a Lambda function; locally each replica is a warm instance polling the Lambda emulator.
var realtime = builder.AddProject<Projects.MlApp_RealtimeFunction>("realtime-function")
    .AsLambdaFunction(timeout: TimeSpan.FromSeconds(30))
    .WithReplicas(2)
    .WithJobStore(jobStore);

// Batch prediction: a task that drains the job queue and exits; RunTask starts it (locally through the ECS emulator).
var batch = builder.AddProject<Projects.MlApp_BatchJob>("batch-job")
    .AsEcsTask(family: "batch-job")
    .WithJobStore(jobStore)
    .WithExplicitStart();

// Web frontend and JSON API, the only thing reachable from outside.
builder.AddProject<Projects.MlApp_Web>("web")
    .WithJobStore(jobStore)
    .WithFunction(realtime)
    .WithEcs(batch)
    .WithHttpEndpoint()
    .WithReplicas(2)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints()
    .WithCostSettings();

// Publish mode only: the same model becomes a CDK stack (README, "Deploy to AWS") and a cost report.
builder.AddAwsDeployment();
builder.AddCostReport();

builder.Build().Run();
