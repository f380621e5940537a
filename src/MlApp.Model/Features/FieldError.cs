namespace MlApp.Model.Features;

/// <summary>One thing wrong with an input. <paramref name="Field"/> is empty when the error is about the whole row.</summary>
public sealed record FieldError(string Field, FieldProblem Problem, string Message)
{
    public override string ToString() => Message;
}
