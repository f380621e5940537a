using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MlApp.Tests.Integration.Web.BadRequests;

/// <summary>Sends a <see cref="BadRequest"/> to a replica and reads the answer, over HttpClient or, for a cut-off body, a raw socket.</summary>
internal static class BadRequestSender
{
    public sealed record Answer(int Status, string? ContentType, string Body);

    public static async Task<Answer> SendAsync(HttpClient http, Uri replica, string apiKey, BadRequest request)
    {
        // HttpClient refuses to write control characters in a header; a raw socket sends them as a client could.
        if (request.SentBytes is not null || request.Headers.Any(header => header.Value.Any(c => c is < ' ' or > '~')))
        {
            return await SendRawAsync(replica, apiKey, request, request.SentBytes ?? request.Body.Length);
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(replica, request.Path));
        message.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        if (request.Method != "GET" && request.Method != "DELETE")
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name == "Content-Type")
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await http.SendAsync(message);
        return new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Headers that promise the whole body, then <paramref name="sent"/> bytes of it, then the client's side of the connection closes.</summary>
    private static async Task<Answer> SendRawAsync(Uri replica, string apiKey, BadRequest request, int sent)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, replica.Port);
        var head = new StringBuilder($"{request.Method} {request.Path} HTTP/1.1\r\nHost: {replica.Authority}\r\nX-Api-Key: {apiKey}\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append($"Content-Length: {request.Body.Length}\r\nConnection: close\r\n\r\n");
        await socket.SendAsync(Encoding.Latin1.GetBytes(head.ToString()));
        await socket.SendAsync(request.Body.AsMemory(0, sent));
        socket.Shutdown(SocketShutdown.Send);

        using var received = new MemoryStream();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The server answered and closed while part of what was sent was still unread: what arrived is the answer.
        }

        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static Answer Parse(string response)
    {
        var headerEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return new(0, null, response);
        }

        var lines = response[..headerEnd].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var contentType = lines.Skip(1).Select(line => line.Split(':', 2)).FirstOrDefault(parts => parts[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        return new(status, contentType?.Split(';')[0], response[(headerEnd + 4)..]);
    }
}
