namespace MlApp.Model.Card;

/// <summary>Where the training data came from and on what terms it may be used.</summary>
public sealed record DatasetInfo
{
    public required string Name { get; init; }

    public string? Licence { get; init; }

    public string? Citation { get; init; }

    public string? Url { get; init; }
}
