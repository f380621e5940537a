namespace MlApp.Tests.Integration.Web.BadRequests;

/// <summary>One malformed request: what it is (for the report), where it goes, and how much of its body is sent.</summary>
/// <param name="SentBytes">
/// Null: the whole body, over HttpClient. A number: a raw socket sends the headers, Content-Length of the whole body
/// and only this many bytes, then closes its side, as a client that died mid-upload does.
/// </param>
public sealed record BadRequest(string Kind, string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, int? SentBytes = null)
{
    public string? ContentType => Headers.FirstOrDefault(header => header.Name == "Content-Type").Value;

    public override string ToString() =>
        $"{Kind}: {Method} {Path} [{string.Join("; ", Headers.Select(header => $"{header.Name}: {Escape(header.Value)}"))}] "
        + $"{Body.Length} bytes{(SentBytes is { } sent ? $", {sent} sent" : "")}: {Escape(System.Text.Encoding.Latin1.GetString(Body[..Math.Min(Body.Length, 160)]))}";

    private static string Escape(string text) => string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\x{(int)c:x2}" : c.ToString()));
}
