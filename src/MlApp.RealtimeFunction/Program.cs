var builder = Host.CreateApplicationBuilder(args);
builder.AddBasicServiceDefaults();

// A warm function instance: it runs until stopped. The Lambda runtime loop that serves invocations replaces this host's body in issue 4.
await builder.Build().RunAsync();
