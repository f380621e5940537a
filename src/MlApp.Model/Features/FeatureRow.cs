using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MlApp.Model.Features;

/// <summary>
/// One row of named input values. Immutable, so one row can be shared between threads. Rows from
/// <see cref="JsonFeatureReader"/> and <see cref="CsvFeatureReader"/> are validated; a row built by hand is only
/// checked for presence and kind when it is predicted.
/// </summary>
public sealed class FeatureRow : IReadOnlyDictionary<string, FeatureValue>
{
    private readonly Dictionary<string, FeatureValue> values;

    public FeatureRow(IEnumerable<KeyValuePair<string, FeatureValue>> values) =>
        this.values = new Dictionary<string, FeatureValue>(values, StringComparer.Ordinal);

    /// <summary>Shorthand for code and tests: <c>FeatureRow.Of(("island", "Biscoe"), ("bill_length_mm", 39.1))</c>.</summary>
    public static FeatureRow Of(params ReadOnlySpan<(string Name, FeatureValue Value)> values)
    {
        var pairs = new List<KeyValuePair<string, FeatureValue>>(values.Length);
        foreach (var (name, value) in values)
        {
            pairs.Add(new(name, value));
        }

        return new FeatureRow(pairs);
    }

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<FeatureValue> Values => values.Values;

    public FeatureValue this[string key] => values[key];

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FeatureValue value) => values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, FeatureValue>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", values.Select(pair => $"{pair.Key}={pair.Value}"));
}
