using System.Text;
using MlApp.Model.Features;
using MlApp.Model.Invocation;
using MlApp.Model;
using MlApp.Tests.Unit.Model;

namespace MlApp.Tests.Integration.Web.BadRequests;

/// <summary>
/// Malformed requests from a seeded random source: mutated valid bodies, random bytes, bodies cut off, odd headers. Each
/// is bad by construction (a predict body the model would take is not sent), so every answer must be a 4xx.
/// </summary>
public sealed class BadRequestGenerator(int seed)
{
    public const string Boundary = "----mlapp-fuzz-7d3f";

    private const string Row = """{"island":"Torgersen","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"MALE"}""";

    private static readonly byte[] ValidPredict = Encoding.UTF8.GetBytes("{\"inputs\":[" + Row + "," + Row + "]}");

    private static readonly string Csv = string.Join(',', Unit.Batch.PenguinCsv.Header) + "\nTorgersen,39.1,18.7,181,3750,MALE\nDream,46.5,17.9,192,3500,FEMALE\n";

    private static readonly JsonFeatureReader Card = new(TestModels.PenguinsCard);

    /// <summary>Bytes and escapes that break JSON or its text wherever they land; and shapes the model refuses.</summary>
    private static readonly byte[][] Poison =
    [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0x80], [0xC3],
        "\\ud800"u8.ToArray(), "\\udfff"u8.ToArray(), "\\ud800\\u0041"u8.ToArray(), "\\u0000"u8.ToArray(), "\\x"u8.ToArray(),
        "\"input\":{},\"inputs\":[]"u8.ToArray(), "1e400"u8.ToArray(), "null"u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray(),
        "\"\""u8.ToArray(), ":"u8.ToArray(), ","u8.ToArray(), "\0"u8.ToArray(), "\r\n"u8.ToArray(), [0xEF, 0xBB, 0xBF],
    ];

    private static readonly string[] OddContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=latin1",
        "application/JSON", "application/json;;;", "application/problem+json", "text/json", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "text/plain", "application/octet-stream", "application/json; charset=\"",
    ];

    private static readonly string[] OddMultipartTypes =
    [
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/mixed; boundary=" + Boundary,
        "multipart/form-data; boundary=other", "multipart/form-data; boundary=" + new string('b', 3000),
        "application/json", "text/csv",
    ];

    private readonly Random _random = new(seed);

    public BadRequest Next() => _random.Next(14) switch
    {
        0 or 1 => Predict("predict-mutated", Mutate(ValidPredict)),
        2 => Predict("predict-random-bytes", RandomBytes(_random.Next(0, 2048))),
        3 => Predict("predict-poisoned", Insert(ValidPredict, Poison[_random.Next(Poison.Length)])),
        4 => Predict("predict-odd-content-type", Mutate(ValidPredict), OddContentTypes[_random.Next(OddContentTypes.Length)]),
        5 => Cut("predict-cut-off", "/api/predict", "application/json", ValidPredict),
        6 => Upload("upload-cut-before-closing-boundary", CutBeforeClose(Multipart(Csv))),
        7 => Cut("upload-connection-closed-mid-body", "/api/jobs", $"multipart/form-data; boundary={Boundary}", Multipart(Csv)),
        8 => Upload("upload-mutated-framing", MutateFraming(BadCsv())),
        9 => Upload("upload-bad-file", Multipart(BadCsv())),
        10 => Upload("upload-odd-content-type", Multipart(Csv), OddMultipartTypes[_random.Next(OddMultipartTypes.Length)]),
        11 => Upload("upload-odd-idempotency-key", Multipart(Csv), extra: ("Idempotency-Key", OddKey())),
        12 => RandomApiCall(),
        _ => Predict("predict-mutated-many", Mutate(Mutate(ValidPredict))),
    };

    private BadRequest Predict(string kind, byte[] body, string contentType = "application/json")
    {
        // A mutation can leave a body the model takes; poison it, so that every request sent is a bad one.
        var sent = WouldBeServed(body) ? Insert(body, [0xFF]) : body;
        return new(kind, "POST", "/api/predict", [("Content-Type", contentType)], sent);
    }

    private BadRequest Upload(string kind, byte[] body, string contentType = $"multipart/form-data; boundary={Boundary}", (string, string)? extra = null) =>
        new(kind, "POST", "/api/jobs", [("Content-Type", contentType), .. extra is { } header ? [header] : Array.Empty<(string, string)>()], body);

    private BadRequest Cut(string kind, string path, string contentType, byte[] body) =>
        new(kind, "POST", path, [("Content-Type", contentType)], body, _random.Next(0, body.Length));

    private BadRequest RandomApiCall()
    {
        var id = _random.Next(3) switch
        {
            0 => Convert.ToHexStringLower(RandomBytes(16)),
            // Control characters are left out: Kestrel refuses a path with one itself, before the app, with an empty 400.
            1 => "x" + Uri.EscapeDataString(new string(Encoding.Latin1.GetString(RandomBytes(_random.Next(1, 40))).Where(c => !char.IsControl(c)).ToArray())),
            _ => "..%2F" + _random.Next(),
        };
        return _random.Next(4) switch
        {
            0 => new("api-unknown-job", "GET", $"/api/jobs/{id}", [], []),
            1 => new("api-cancel-unknown-job", "DELETE", $"/api/jobs/{id}", [], []),
            2 => new("api-result-unknown-job", "GET", $"/api/jobs/{id}/result", [], []),
            _ => new("api-odd-list-query", "GET", $"/api/jobs?pageSize={Uri.EscapeDataString(Encoding.Latin1.GetString(RandomBytes(3)))}&pageToken={id}", [], []),
        };
    }

    private static bool WouldBeServed(byte[] body)
    {
        using var document = PredictBody.Parse(body, out _);
        return document is not null && PredictBody.Rows(document.RootElement) is { IsValid: true } rows
            && rows.Rows.All(row => Card.Read(row).IsValid);
    }

    private byte[] Mutate(byte[] body)
    {
        var bytes = body.ToList();
        for (var count = _random.Next(1, 6); count > 0; count--)
        {
            var at = _random.Next(bytes.Count + 1);
            switch (_random.Next(5))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)_random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, Poison[_random.Next(Poison.Length)]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, _random.Next(1, 12)));
                    break;
                case 3 when at < bytes.Count:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, _random.Next(1, 40))));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private byte[] Insert(byte[] body, byte[] poison)
    {
        var at = _random.Next(body.Length + 1);
        return [.. body[..at], .. poison, .. body[at..]];
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A file the upload refuses whatever happens around it: a header that isn't UTF-8, random bytes, or nothing.</summary>
    private byte[] BadCsv() => _random.Next(3) switch
    {
        0 => Insert(Encoding.UTF8.GetBytes(Csv[..Csv.IndexOf('\n')]), [0xFF]).Concat(Encoding.UTF8.GetBytes(Csv[Csv.IndexOf('\n')..])).ToArray(),
        1 => RandomBytes(_random.Next(1, 4096)),
        _ => [],
    };

    private static byte[] Multipart(string csv) => Multipart(Encoding.UTF8.GetBytes(csv));

    private static byte[] Multipart(byte[] file) =>
    [
        .. Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"penguins.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
        .. file,
        .. Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"),
    ];

    /// <summary>Cut anywhere before the closing delimiter is complete.</summary>
    private byte[] CutBeforeClose(byte[] body) => body[.._random.Next(0, body.Length - 2)];

    /// <summary>The multipart framing mutated around a file that is bad in itself, so that no mutation can make it good.</summary>
    private byte[] MutateFraming(byte[] file)
    {
        var head = Mutate(Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"penguins.csv\"\r\nContent-Type: text/csv\r\n\r\n"));
        var tail = _random.Next(2) == 0 ? Mutate(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n")) : Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        return [.. head, .. file, .. tail];
    }

    private string OddKey() => _random.Next(5) switch
    {
        0 => "key " + _random.Next(),
        1 => "key with spaces " + _random.Next(),
        2 => new string('k', 201 + _random.Next(100)),
        3 => _random.Next() + " " + _random.Next(),
        _ => "a b",
    };
}
