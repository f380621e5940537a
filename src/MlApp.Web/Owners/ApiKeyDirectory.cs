using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MlApp.Web.Owners;

/// <summary>Finds the owner of a presented API key without telling an attacker, by timing, how close a guess came.</summary>
public sealed class ApiKeyDirectory(IOptions<ApiKeyOptions> options)
{
    // Hashing first makes every comparison the same length, so neither a key's length nor a shared prefix shows in the time taken.
    private readonly (byte[] Hash, string OwnerId)[] _keys = options.Value
        .Select(entry => (Hash(entry.Value.Trim()), OwnerIds.ForApiKey(entry.Key)))
        .ToArray();

    /// <returns>The key's owner id, or null when no configured key matches.</returns>
    public string? FindOwner(string presentedKey)
    {
        var presented = Hash(presentedKey.Trim());
        string? owner = null;
        foreach (var (hash, ownerId) in _keys)
        {
            // No early exit: every configured key is compared whichever one matches.
            if (CryptographicOperations.FixedTimeEquals(hash, presented))
            {
                owner = ownerId;
            }
        }

        return owner;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
