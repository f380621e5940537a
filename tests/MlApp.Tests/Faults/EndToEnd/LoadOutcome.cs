namespace MlApp.Tests.Faults.EndToEnd;

/// <summary>One request of a steady load: which client sent it, when it ended, and whether it succeeded (else why not).</summary>
internal sealed record LoadOutcome(int Client, TimeSpan EndedAt, bool Succeeded, string What);
