using Microsoft.Extensions.Options;
using MlApp.Jobs;

namespace MlApp.BatchJob;

/// <summary>Checks what data annotations can't: the heartbeat must come often enough that one or two late ones don't lose the lease.</summary>
internal sealed class BatchWorkerOptionsValidator(IOptions<JobsOptions> jobs) : IValidateOptions<BatchWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchWorkerOptions options)
    {
        var lease = jobs.Value.LeaseDuration;
        return options.HeartbeatInterval * 3 <= lease
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"BatchWorker:HeartbeatInterval ({options.HeartbeatInterval}) must be at most a third of Jobs:LeaseDuration ({lease}), " +
                "so that a late heartbeat or two doesn't let another worker take the job.");
    }
}
