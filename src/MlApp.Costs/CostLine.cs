namespace MlApp.Costs;

/// <summary>One priced item: what it is, how the amount was worked out (quantities × prices), and the amount in dollars.</summary>
public sealed record CostLine(string Item, string Basis, decimal Amount);
