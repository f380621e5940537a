namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>What the emulator needs to know of one function: its name and how long an invocation may run.</summary>
public sealed record LambdaFunctionSettings(string Name, TimeSpan Timeout)
{
    public string Arn => $"arn:aws:lambda:{LocalAwsNames.Region}:{LocalAwsNames.AccountId}:function:{Name}";
}
