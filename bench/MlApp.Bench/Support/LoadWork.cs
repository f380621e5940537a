namespace MlApp.Bench;

/// <summary>What every virtual user sends, and how long it thinks before each step.</summary>
internal sealed record LoadWork(byte[] PredictBody, byte[] Csv, TimeSpan ThinkMin, TimeSpan ThinkMax);
