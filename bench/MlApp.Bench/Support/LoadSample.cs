namespace MlApp.Bench;

/// <summary>One request: its kind (page, predict, submit, poll), its latency, and the reason when it failed.</summary>
internal sealed record LoadSample(string Kind, double Milliseconds, bool Ok, string? Error);
