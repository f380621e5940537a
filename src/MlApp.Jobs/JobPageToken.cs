using System.Buffers.Text;
using System.Text;
using Amazon.DynamoDBv2.Model;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// An opaque paging token that carries only where the last page ended (creation time and job id), never the
/// partition key: the owner always comes from the caller, so a crafted token can't page through someone else's jobs.
/// </summary>
internal static class JobPageToken
{
    public static string? From(Dictionary<string, AttributeValue>? lastEvaluatedKey) =>
        lastEvaluatedKey is { Count: > 0 }
            ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{lastEvaluatedKey[CreatedAt].S}\n{JobKeys.JobIdFrom(lastEvaluatedKey[JobAttributes.SortKey].S)}"))
            : null;

    public static Dictionary<string, AttributeValue>? ToStartKey(string ownerId, string? token)
    {
        if (token is null)
        {
            return null;
        }

        var parts = Decode(token).Split('\n');
        if (parts.Length != 2 || !JobKeys.IsValidJobId(parts[1]) || !DateTimeOffset.TryParse(parts[0], out _))
        {
            throw Invalid();
        }

        var key = JobItem.Key(ownerId, parts[1]);
        key[CreatedAt] = JobItem.S(parts[0]);
        return key;
    }

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    private static ArgumentException Invalid() =>
        new("The page token is not one this service issued; start again without it.", "pageToken");
}
