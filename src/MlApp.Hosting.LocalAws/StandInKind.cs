namespace MlApp.Hosting.LocalAws;

/// <summary>Which local servers stand in for DynamoDB and S3 (setting <c>LocalAws:StandIns</c>).</summary>
public enum StandInKind
{
    /// <summary>LocalStack when a container engine answers, otherwise the embedded npm servers.</summary>
    Auto,

    /// <summary>dynalite and fauxqs as two node processes; needs Node.js only.</summary>
    Embedded,

    /// <summary>One LocalStack container for both services; needs a running container engine.</summary>
    LocalStack,
}
