namespace MlApp.Web.Limits;

/// <summary>What a caller spends: each kind has its own buckets and rates.</summary>
public enum LimitKind
{
    /// <summary>A realtime prediction, which costs a Lambda invocation.</summary>
    Prediction,

    /// <summary>A batch job submission, which stores a file and may start a Fargate task.</summary>
    Submission,
}
