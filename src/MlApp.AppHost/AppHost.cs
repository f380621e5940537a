using MlApp.AppHost.LocalAws;

var builder = DistributedApplication.CreateBuilder(args);

// Storage: DynamoDB + S3 stand-ins with the job table and bucket, locally only; in AWS the CDK stack creates the real ones.
var aws = builder.ExecutionContext.IsRunMode ? builder.AddLocalAws() : null;

// Realtime prediction: the Lambda function's runtime loop.
builder.AddProject<Projects.MlApp_RealtimeFunction>("realtime-function")
    .WithLocalAws(aws);

// Batch prediction: drains the job queue, then exits; started on demand (later by the ECS emulator's RunTask).
builder.AddProject<Projects.MlApp_BatchJob>("batch-job")
    .WithLocalAws(aws)
    .WithExplicitStart();

// Web frontend and JSON API, the only thing reachable from outside.
builder.AddProject<Projects.MlApp_Web>("web")
    .WithLocalAws(aws)
    .WithHttpEndpoint()
    .WithReplicas(2)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
