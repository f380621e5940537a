namespace MlApp.Bench;

/// <summary>One benchmark scenario, one file each under Scenarios/. Its result is one line of key=value pairs.</summary>
internal interface IScenario
{
    /// <summary>The word on the command line and the first word of the result line.</summary>
    string Name { get; }

    string Description { get; }

    Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken);
}
