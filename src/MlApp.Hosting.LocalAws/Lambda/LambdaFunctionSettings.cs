namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>What the emulator needs to know of one function: its name, how long an invocation may run, and the memory its REPORT lines name.</summary>
public sealed record LambdaFunctionSettings(string Name, TimeSpan Timeout, int MemorySizeMb = 128)
{
    public string Arn => $"arn:aws:lambda:{LocalAwsNames.Region}:{LocalAwsNames.AccountId}:function:{Name}";
}
