namespace MlApp.Model.Training.Shared;

/// <summary>What the held-out file holds: which model, which split, the class order of the scores, and the rows.</summary>
internal sealed record HeldOutSet(string Model, string Split, IReadOnlyList<string>? Classes, IReadOnlyList<HeldOutRow> Rows);
