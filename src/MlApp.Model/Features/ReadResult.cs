using System.Diagnostics.CodeAnalysis;

namespace MlApp.Model.Features;

/// <summary>A value, or every reason there is none. Errors are data because a bad row is an answer (a 400, an error column), not a crash.</summary>
public sealed class ReadResult<T>
    where T : class
{
    private ReadResult(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    public static ReadResult<T> Success(T value) => new(value, []);

    public static ReadResult<T> Failure(IReadOnlyList<FieldError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));

    /// <summary>All messages on one line, e.g. for a CSV error column.</summary>
    public string ErrorText => string.Join(" ", Errors.Select(error => error.Message));
}
