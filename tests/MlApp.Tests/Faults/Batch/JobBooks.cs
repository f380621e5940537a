namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// The outcome of a fault run, job by job: lost means the job did not end SUCCEEDED with the right result; duplicated
/// means it was completed, or its result object written, more than once.
/// </summary>
internal sealed record JobBooks(int Checked, int Lost, int Duplicated, IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        $"jobs checked: {Checked}, lost: {Lost}, duplicated: {Duplicated}" + (Problems.Count == 0 ? "" : "\n" + string.Join('\n', Problems));
}
