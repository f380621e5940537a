using System.Globalization;

namespace MlApp.Bench;

/// <summary>A scenario's figures, printed as one line, <c>name key=value ...</c>, so runs are easy to diff and to parse.</summary>
internal sealed class BenchResult(string scenario)
{
    private readonly List<(string Key, string Value)> values = [];

    public BenchResult Add(string key, double value, string format = "F1")
    {
        values.Add((key, value.ToString(format, CultureInfo.InvariantCulture)));
        return this;
    }

    public override string ToString() => $"{scenario} {string.Join(" ", values.Select(pair => $"{pair.Key}={pair.Value}"))}";
}
