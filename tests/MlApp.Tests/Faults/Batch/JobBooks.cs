namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// The outcome of a fault run, job by job. Lost: the job did not end SUCCEEDED with the right result. Duplicated: more
/// than one worker completed it. Rewritten: its result object was made whole more than once, i.e. a second attempt
/// redid a finished run (at-least-once allows it; the bytes are the same, the work is not free).
/// </summary>
internal sealed record JobBooks(int Checked, int Lost, int Duplicated, int Rewritten, IReadOnlyList<string> Problems)
{
    /// <summary>Fails the test, listing what went wrong, unless every job was done and done once.</summary>
    public void AssertEveryJobDoneOnce() => Assert.True(Lost == 0 && Duplicated == 0 && Rewritten == 0, ToString());

    public override string ToString() =>
        $"jobs checked: {Checked}, lost: {Lost}, duplicated: {Duplicated}, results rewritten: {Rewritten}" +
        (Problems.Count == 0 ? "" : "\n" + string.Join('\n', Problems));
}
