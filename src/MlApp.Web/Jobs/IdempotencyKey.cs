namespace MlApp.Web.Jobs;

/// <summary>
/// The rule for an idempotency key, from the API's <c>Idempotency-Key</c> header or the page's form: 1 to 200 visible
/// ASCII characters. A key is stored with its job and becomes part of its id, so control characters, spaces and
/// non-ASCII text are refused rather than kept.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxLength = 200;

    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is >= '!' and <= '~');

    /// <summary>Null for no key or a valid one; otherwise the refusal.</summary>
    public static UploadOutcome.Rejected? Check(string? key) => key is null || IsValid(key)
        ? null
        : new UploadOutcome.Rejected(StatusCodes.Status400BadRequest, "The Idempotency-Key header is invalid.",
            $"Use 1 to {MaxLength} visible ASCII characters (no spaces or control characters), e.g. a UUID.");
}
