var builder = DistributedApplication.CreateBuilder(args);
builder.AddProject<Projects.MlApp_Web>("web");
builder.Build().Run();
