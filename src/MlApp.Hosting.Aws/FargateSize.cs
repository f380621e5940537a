namespace MlApp.Hosting.Aws;

/// <summary>The CPU and memory pairs Fargate accepts for a task (Amazon ECS developer guide, "Task CPU and memory").</summary>
public static class FargateSize
{
    private sealed record Row(int Cpu, int MinMemoryMiB, int MaxMemoryMiB, int StepMiB, int[]? Exactly = null);

    private static readonly Row[] Rows =
    [
        new(256, 512, 2048, 0, [512, 1024, 2048]),
        new(512, 1024, 4096, 1024),
        new(1024, 2048, 8192, 1024),
        new(2048, 4096, 16384, 1024),
        new(4096, 8192, 30720, 1024),
        new(8192, 16384, 61440, 4096),
        new(16384, 32768, 122880, 8192),
    ];

    /// <summary>Null when Fargate takes the pair, else what it would take with that CPU.</summary>
    public static string? Check(int cpu, int memoryMiB)
    {
        var row = Rows.SingleOrDefault(row => row.Cpu == cpu);
        if (row is null)
        {
            return $"CPU {cpu} is not a Fargate size; use one of {string.Join(", ", Rows.Select(r => r.Cpu))}.";
        }

        var fits = row.Exactly?.Contains(memoryMiB)
            ?? (memoryMiB >= row.MinMemoryMiB && memoryMiB <= row.MaxMemoryMiB && (memoryMiB - row.MinMemoryMiB) % row.StepMiB == 0);
        return fits
            ? null
            : row.Exactly is not null
                ? $"with CPU {cpu} Fargate takes {string.Join(", ", row.Exactly)} MiB, not {memoryMiB}."
                : $"with CPU {cpu} Fargate takes {row.MinMemoryMiB}-{row.MaxMemoryMiB} MiB in steps of {row.StepMiB}, not {memoryMiB}.";
    }
}
