namespace MlApp.Costs;

/// <summary>A titled list of cost lines and their sum; amounts keep full precision, only the report rounds.</summary>
public sealed record CostBreakdown(string Title, IReadOnlyList<CostLine> Lines)
{
    public decimal Total => Lines.Sum(line => line.Amount);

    public decimal this[string item] => Lines.Single(line => line.Item == item).Amount;
}
