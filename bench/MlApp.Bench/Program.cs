using MlApp.Bench;

// dotnet run -c Release --project bench/MlApp.Bench -- <scenario> [--quick] [--model-path <folder>] [--intra-op-threads <n>]
// Each scenario prints progress, then its result as the last line: "<scenario> key=value ...".
// Scenarios are found by type, so a new one (realtime, coldstart, batch, load, drain) is one new file in Scenarios/.
var scenarios = typeof(IScenario).Assembly.GetTypes()
    .Where(type => type.IsClass && !type.IsAbstract && typeof(IScenario).IsAssignableFrom(type))
    .Select(type => (IScenario)Activator.CreateInstance(type)!)
    .OrderBy(candidate => candidate.Name)
    .ToList();

// The batch scenario's children: the worker's pipeline on the cores it is pinned to, and the check that it can run a baseline's.
if (args.Length > 0 && args[0] is PipelineOnCores.Command or PipelineOnCores.RunCheckCommand)
{
    return await PipelineOnCores.RunChildAsync(args);
}

var scenario = args.Length > 0 ? scenarios.FirstOrDefault(candidate => candidate.Name == args[0]) : null;
if (scenario is null)
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/MlApp.Bench -- <scenario> [--quick] [--model-path <folder>] [--intra-op-threads <n>]");
    foreach (var candidate in scenarios)
    {
        Console.Error.WriteLine($"  {candidate.Name,-10} {candidate.Description}");
    }

    return 2;
}

#if DEBUG
Console.WriteLine("warning: a Debug build; numbers are only meaningful with -c Release.");
#endif

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
try
{
    Console.WriteLine(await scenario.RunAsync(BenchOptions.Parse(args.Skip(1)), cancellation.Token));
    return 0;
}
catch (InvalidOperationException e)
{
    // What a scenario could not do (a build that failed, a process that died), said once, without a stack trace.
    Console.Error.WriteLine($"{scenario.Name} failed: {e.Message}");
    return 1;
}
