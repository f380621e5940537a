using System.Runtime.ExceptionServices;

namespace MlApp.BatchJob;

/// <summary>
/// What to throw when tasks that stop one another have ended: when one fails it cancels the rest, so most of them end in
/// a cancellation that says nothing. The first real error wins; a cancellation only when nothing else went wrong.
/// </summary>
internal static class StageFailure
{
    public static Exception RootCause(CancellationToken cancellationToken, params Task[] stages)
    {
        var errors = stages.Where(stage => stage.IsFaulted).Select(stage => stage.Exception!.InnerException!).ToList();
        if (errors.FirstOrDefault(error => error is not OperationCanceledException) is { } cause)
        {
            ExceptionDispatchInfo.Capture(cause).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return errors.FirstOrDefault() ?? new OperationCanceledException();
    }
}
