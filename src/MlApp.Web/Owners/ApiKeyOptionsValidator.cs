using Microsoft.Extensions.Options;

namespace MlApp.Web.Owners;

/// <summary>Refuses the start when a key is weak, shared by two owners, or names an owner that can't be an owner id.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        foreach (var (owner, key) in options)
        {
            if (owner.Length is 0 or > OwnerIds.MaxApiKeyNameLength || !owner.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                failures.Add($"ApiKeys:{owner}: an owner name is 1 to {OwnerIds.MaxApiKeyNameLength} letters, digits, '-' or '_'.");
            }

            if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < ApiKeyOptions.MinKeyLength)
            {
                failures.Add($"ApiKeys:{owner}: a key has at least {ApiKeyOptions.MinKeyLength} characters (e.g. openssl rand -base64 32).");
            }
        }

        failures.AddRange(options.GroupBy(entry => entry.Value.Trim(), StringComparer.Ordinal)
            .Where(same => same.Count() > 1)
            .Select(same => $"ApiKeys: {string.Join(", ", same.Select(entry => entry.Key))} share one key; every owner needs its own."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
