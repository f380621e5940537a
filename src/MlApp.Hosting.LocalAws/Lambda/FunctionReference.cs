using System.Text.RegularExpressions;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// The FunctionName of an Invoke call in each form AWS accepts: <c>NAME</c>, <c>NAME:QUALIFIER</c>, the partial ARN
/// <c>ACCOUNT:function:NAME</c> and the full ARN <c>arn:aws:lambda:REGION:ACCOUNT:function:NAME</c>, each with an
/// optional <c>:QUALIFIER</c> (a version or an alias).
/// </summary>
internal sealed partial record FunctionReference(string Name, string? Qualifier, string? Region, string? Account)
{
    /// <summary>Lambda's own pattern for FunctionName (API reference, Invoke, "Pattern").</summary>
    [GeneratedRegex(@"^(?:arn:aws[a-zA-Z-]*:lambda:)?(?:(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d):)?(?:(?<account>\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9\-_\.]+)(?::(?<qualifier>\$LATEST|[a-zA-Z0-9\-_]+))?$")]
    private static partial Regex Pattern();

    public static FunctionReference? Parse(string functionName)
    {
        var match = Pattern().Match(functionName);
        return match.Success && functionName.Length <= 140
            ? new(match.Groups["name"].Value, Value(match, "qualifier"), Value(match, "region"), Value(match, "account"))
            : null;
    }

    /// <summary>Whether the ARN's region and account, where it names them, are the emulator's.</summary>
    public bool IsLocal => Region is null or LocalAwsNames.Region && Account is null or LocalAwsNames.AccountId;

    /// <summary>The full ARN this reference means here, with its qualifier, as AWS writes it in errors.</summary>
    public string Arn(string? qualifier) =>
        $"arn:aws:lambda:{Region ?? LocalAwsNames.Region}:{Account ?? LocalAwsNames.AccountId}:function:{Name}{(qualifier is null ? "" : ":" + qualifier)}";

    private static string? Value(Match match, string group) => match.Groups[group] is { Success: true } found ? found.Value : null;
}
