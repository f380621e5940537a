using MlApp.AppHost.Deployment;
using MlApp.AppHost.Deployment.Costs;
using MlApp.AppHost.LocalAws;
using MlApp.AppHost.LocalAws.Ecs;
using MlApp.AppHost.LocalAws.Lambda;

var builder = DistributedApplication.CreateBuilder(args);
var isLocal = builder.ExecutionContext.IsRunMode;

// Storage: DynamoDB + S3 stand-ins with the job table and bucket, locally only; in AWS the CDK stack creates the real ones.
var aws = isLocal ? builder.AddLocalAws() : null;

// Realtime prediction: a Lambda function; locally each replica is a warm instance polling the Lambda emulator.
var lambda = isLocal ? builder.AddLambdaEmulator() : null;
var realtime = builder.AddProject<Projects.MlApp_RealtimeFunction>("realtime-function")
    .AsLambdaFunction(lambda, timeout: TimeSpan.FromSeconds(30))
    .WithReplicas(2)
    .WithLocalAws(aws);

// Batch prediction: a task that drains the job queue and exits; RunTask starts it (locally through the ECS emulator).
var ecs = isLocal ? builder.AddEcsEmulator() : null;
var batch = builder.AddProject<Projects.MlApp_BatchJob>("batch-job")
    .AsEcsTask(ecs, family: "batch-job")
    .WithLocalAws(aws)
    .WithExplicitStart();

// Web frontend and JSON API, the only thing reachable from outside.
builder.AddProject<Projects.MlApp_Web>("web")
    .WithLocalAws(aws)
    .WithFunction(realtime, lambda)
    .WithEcs(ecs, batch)
    .WithHttpEndpoint()
    .WithReplicas(2)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints()
    .WithCostSettings(builder.Configuration);

// Publish mode only: the same model becomes a CDK stack (README, "Deploy to AWS").
builder.AddAwsDeployment();
builder.AddCostReport();

builder.Build().Run();
