using System.Text.RegularExpressions;

namespace MlApp.Hosting.Aws;

/// <summary>Checks the settings before anything is built, so a bad value fails the synth with a clear message rather than the deploy.</summary>
public static partial class DeploymentSettingsValidator
{
    /// <summary>Every problem found, each naming its setting; empty when the settings can be deployed.</summary>
    public static IReadOnlyList<string> Problems(DeploymentSettings settings)
    {
        List<string> problems = [];
        void Require(bool ok, string setting, string problem)
        {
            if (!ok)
            {
                problems.Add($"{DeploymentSettings.SectionName}:{setting}: {problem}");
            }
        }

        // CloudFormation stack names: letters, digits and hyphens, starting with a letter, at most 128.
        Require(StackNamePattern().IsMatch(settings.StackName), nameof(settings.StackName), "letters, digits and '-', starting with a letter, at most 128.");
        AddFargateProblem(problems, "Web", settings.WebCpu, settings.WebMemoryMiB);
        Require(settings.WebMinTasks is >= 1 and <= 100, nameof(settings.WebMinTasks), "1 to 100: the web also dispatches batch tasks, so it never scales to 0.");
        Require(settings.WebMaxTasks >= settings.WebMinTasks && settings.WebMaxTasks <= 100, nameof(settings.WebMaxTasks), "WebMinTasks to 100.");
        Require(settings.WebCpuTargetPercent is >= 10 and <= 90, nameof(settings.WebCpuTargetPercent), "10 to 90 percent.");
        Require(settings.WebRequestsPerTarget >= 1, nameof(settings.WebRequestsPerTarget), "at least 1 request per task per minute.");
        Require(settings.CertificateArn is null || settings.CertificateArn.StartsWith("arn:", StringComparison.Ordinal), nameof(settings.CertificateArn), "an ACM certificate ARN.");
        Require(settings.FunctionMemoryMiB is >= 128 and <= 10240, nameof(settings.FunctionMemoryMiB), "Lambda takes 128 to 10240 MiB.");
        Require(settings.FunctionTimeoutSeconds is null or (>= 1 and <= 900), nameof(settings.FunctionTimeoutSeconds), "Lambda takes 1 to 900 seconds.");
        Require(settings.FunctionProvisionedConcurrency is >= 0 and <= 1000, nameof(settings.FunctionProvisionedConcurrency), "0 to 1000.");
        // 0 would throttle every call; a reservation below the warm instances would leave some never used.
        Require(settings.FunctionReservedConcurrency is null || (settings.FunctionReservedConcurrency >= Math.Max(1, settings.FunctionProvisionedConcurrency) && settings.FunctionReservedConcurrency <= 10000),
            nameof(settings.FunctionReservedConcurrency), "unset, or from FunctionProvisionedConcurrency (at least 1) to 10000.");
        AddFargateProblem(problems, "Batch", settings.BatchCpu, settings.BatchMemoryMiB);
        Require(settings.MaxBatchTasks is >= 1 and <= 1000, nameof(settings.MaxBatchTasks), "1 to 1000, as the dispatcher accepts.");
        Require(LogRetention.IsAllowed(settings.LogRetentionDays), nameof(settings.LogRetentionDays), $"one of {string.Join(", ", LogRetention.AllowedDays)}.");
        Require(settings.InputRetentionDays >= 1, nameof(settings.InputRetentionDays), "at least 1 day.");
        Require(settings.ResultRetentionDays >= 1, nameof(settings.ResultRetentionDays), "at least 1 day.");
        Require(GpuInstanceTypePattern().IsMatch(settings.GpuInstanceType), nameof(settings.GpuInstanceType), "an EC2 instance type such as g5.xlarge.");
        Require(settings.AlarmEmailOrNull is null || EmailPattern().IsMatch(settings.AlarmEmailOrNull), nameof(settings.AlarmEmail), "an email address, or empty for none.");
        Require(settings.MonthlyBudgetUsd is >= 1 and <= 1_000_000, nameof(settings.MonthlyBudgetUsd), "1 to 1000000 US dollars.");
        Require(settings.OtlpEndpointOrNull is null || IsHttpUrl(settings.OtlpEndpointOrNull), nameof(settings.OtlpEndpoint), "an absolute http or https URL, or empty for none.");
        Require(settings.OtlpProtocol is "http/protobuf" or "grpc", nameof(settings.OtlpProtocol), "http/protobuf or grpc.");
        return problems;
    }

    /// <summary>Throws with every problem at once, so one run shows all that needs fixing.</summary>
    public static DeploymentSettings EnsureValid(DeploymentSettings settings)
    {
        var problems = Problems(settings);
        return problems.Count == 0
            ? settings
            : throw new InvalidOperationException("The deployment settings are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private static void AddFargateProblem(List<string> problems, string part, int cpu, int memoryMiB)
    {
        if (FargateSize.Check(cpu, memoryMiB) is { } problem)
        {
            problems.Add($"{DeploymentSettings.SectionName}:{part}Cpu/{part}MemoryMiB: {problem}");
        }
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$")]
    private static partial Regex GpuInstanceTypePattern();

    /// <summary>One address, as SNS and Budgets take it: no spaces, one @, a dot in the domain.</summary>
    [GeneratedRegex("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$")]
    private static partial Regex EmailPattern();
}
