namespace MlApp.Jobs;

/// <summary>Keeps stored error messages within a size that fits a DynamoDB item, and says so when it shortens one.</summary>
public static class JobErrors
{
    public const int MaxLength = 2000;

    public static string Describe(string message) => message.Length <= MaxLength
        ? message
        : $"{message[..MaxLength]}… (shortened from {message.Length} characters)";
}
