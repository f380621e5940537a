using System.Diagnostics.CodeAnalysis;

namespace MlApp.Model.Hosting;

/// <summary>A model folder in S3: <c>s3://bucket/prefix/</c>. The prefix is empty or ends with '/'.</summary>
public sealed record S3ModelLocation(string Bucket, string Prefix)
{
    public static bool TryParse(string? uri, [NotNullWhen(true)] out S3ModelLocation? location)
    {
        location = null;
        const string scheme = "s3://";
        if (uri is null || !uri.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var path = uri[scheme.Length..];
        var slash = path.IndexOf('/');
        var bucket = slash < 0 ? path : path[..slash];
        var prefix = slash < 0 ? "" : path[(slash + 1)..];
        if (bucket.Length == 0 || bucket.Any(char.IsWhiteSpace))
        {
            return false;
        }

        location = new S3ModelLocation(bucket, prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/");
        return true;
    }

    public string KeyOf(string fileName) => Prefix + fileName;

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
