namespace MlApp.Web.Owners;

/// <summary>
/// The owner id spaces. They never overlap, so one kind of owner can never read another's jobs by accident:
/// anonymous visitors are 32 lower-case hex digits (no '-'), API-key owners are <c>key-{name}</c>. A later sign-in
/// (OIDC) takes a prefix of its own, e.g. <c>oidc-{hash of issuer and subject}</c>. All fit <c>JobKeys.IsValidOwnerId</c>.
/// </summary>
public static class OwnerIds
{
    public const string ApiKeyPrefix = "key-";

    /// <summary>The longest API-key owner name: the prefix plus the name must stay within an owner id's 64 characters.</summary>
    public const int MaxApiKeyNameLength = 64 - 4;

    public static string NewAnonymous() => Guid.NewGuid().ToString("N");

    /// <summary>Config keys are case-insensitive, so the owner is too: <c>ApiKeys__Alice</c> and <c>ApiKeys__alice</c> are one owner.</summary>
    public static string ForApiKey(string name) => ApiKeyPrefix + name.ToLowerInvariant();

    /// <summary>A self-minted visitor id: cheap to get, so rate limits also count it against the client's address.</summary>
    public static bool IsAnonymous(string ownerId) => ownerId.Length == 32 && ownerId.All(char.IsAsciiHexDigitLower);
}
