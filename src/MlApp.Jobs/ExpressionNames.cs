using System.Text.RegularExpressions;

namespace MlApp.Jobs;

/// <summary>
/// Expressions here write every attribute as <c>#attributeName</c>. DynamoDB rejects unused names, so the
/// name map is derived from the expressions themselves rather than kept in step by hand.
/// </summary>
internal static partial class ExpressionNames
{
    public static Dictionary<string, string> For(params string?[] expressions) =>
        expressions
            .Where(expression => expression is not null)
            .SelectMany(expression => NamePattern().Matches(expression!))
            .Select(match => match.Value)
            .Distinct()
            .ToDictionary(token => token, token => token[1..]);

    [GeneratedRegex(@"#\w+")]
    private static partial Regex NamePattern();
}
