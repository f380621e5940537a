using System.Globalization;
using System.Text.Json.Serialization;

namespace MlApp.Model.Features;

/// <summary>One input value: a number or a category. Integers are numbers; the schema says which fields must be whole.</summary>
[JsonConverter(typeof(FeatureValueJsonConverter))]
public readonly record struct FeatureValue
{
    private readonly double number;
    private readonly string? category;

    private FeatureValue(double number, string? category)
    {
        this.number = number;
        this.category = category;
    }

    public static FeatureValue FromNumber(double number) => new(number, null);

    public static FeatureValue FromCategory(string category) => new(0, category ?? throw new ArgumentNullException(nameof(category)));

    public bool IsCategory => category is not null;

    public bool IsNumber => category is null;

    public double Number => category is null ? number : throw new InvalidOperationException($"The value '{category}' is a category, not a number.");

    public string Category => category ?? throw new InvalidOperationException($"The value {ToString()} is a number, not a category.");

    public static implicit operator FeatureValue(double number) => FromNumber(number);

    public static implicit operator FeatureValue(string category) => FromCategory(category);

    public override string ToString() => category ?? number.ToString("R", CultureInfo.InvariantCulture);
}
