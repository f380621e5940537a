using System.Text;
using System.Text.Json.Nodes;
using MlApp.Tests.Unit.Batch;

namespace MlApp.Tests.EndToEnd.BadInputs;

/// <summary>How each row of the catalogue is sent: one request per kind of bad input, keyed by the row's id.</summary>
public static class BadInputRequests
{
    private static readonly string Header = string.Join(',', PenguinCsv.Header);

    private const string GoodRow = "Torgersen,39.1,18.7,181,3750,MALE";

    public static IReadOnlyDictionary<string, Func<BadInputContext, Task<HttpResponseMessage>>> All { get; } =
        new Dictionary<string, Func<BadInputContext, Task<HttpResponseMessage>>>
        {
            ["predict-malformed-json"] = c => c.PredictAsync("{\"input\": {"),
            ["predict-empty-body"] = c => c.PredictAsync(""),
            ["predict-not-json"] = c => c.PredictAsync(Input().ToJsonString(), "text/plain"),
            ["predict-wrong-shape"] = c => c.PredictAsync("[1, 2, 3]"),
            ["predict-wrong-type"] = c => c.PredictAsync(Input(("bill_length_mm", "long"))),
            ["predict-missing-field"] = c => c.PredictAsync(Input(("sex", null))),
            ["predict-extra-field"] = c => c.PredictAsync(Input(("wingspan", 1))),
            ["predict-duplicate-field"] = c => c.PredictAsync(Input().ToJsonString().Replace("\"sex\":\"MALE\"", "\"sex\":\"MALE\",\"sex\":\"FEMALE\"")),
            ["predict-null-field"] = c => c.PredictAsync(Input().ToJsonString().Replace("\"Torgersen\"", "null")),
            ["predict-nan"] = c => c.PredictAsync(Input(("bill_depth_mm", "NaN"))),
            ["predict-infinity"] = c => c.PredictAsync(Input(("bill_depth_mm", "Infinity"))),
            ["predict-huge-number"] = c => c.PredictAsync(Input().ToJsonString().Replace("18.7", "1e400")),
            ["predict-out-of-range"] = c => c.PredictAsync(Input(("bill_depth_mm", 99))),
            ["predict-not-whole"] = c => c.PredictAsync(Input(("flipper_length_mm", 181.5))),
            ["predict-unknown-category"] = c => c.PredictAsync(Input(("island", "Atlantis"))),
            ["predict-long-string"] = c => c.PredictAsync(Input(("island", new string('x', 1024 * 1024)))),
            ["predict-null-input"] = c => c.PredictAsync("{\"input\": null}"),
            ["predict-no-rows"] = c => c.PredictAsync("{\"inputs\": []}"),
            ["predict-too-many-rows"] = c => c.PredictAsync(new JsonObject { ["inputs"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => Row())]) }.ToJsonString()),
            ["predict-over-body-cap"] = c => c.PredictAsync("{\"input\": \"" + new string('x', 7 * 1024 * 1024) + "\"}"),
            ["predict-not-utf8"] = c => c.Visitor.Http.PostAsync("/api/predict", Json([.. "{\"input\":{\"island\":\"Torg"u8, 0xC3, 0x28, .. "\"}}"u8])),
            ["predict-lone-surrogate"] = c => c.PredictAsync(Input().ToJsonString().Replace("Torgersen", "\\ud800")),
            ["predict-input-and-inputs"] = c => c.PredictAsync(new JsonObject { ["input"] = Row(), ["inputs"] = new JsonArray(Row()) }.ToJsonString()),
            ["csv-empty"] = c => c.Visitor.UploadAsync(""),
            ["csv-header-only"] = c => c.Visitor.UploadAsync(Header + "\n"),
            ["csv-wrong-columns"] = c => c.Visitor.UploadAsync(Header.Replace("sex", "wingspan") + "\n" + GoodRow + "\n"),
            ["csv-duplicate-columns"] = c => c.Visitor.UploadAsync(Header + ",sex\n" + GoodRow + ",MALE\n"),
            ["csv-not-utf8"] = c => c.Visitor.UploadAsync(Encoding.Latin1.GetBytes(Header + "\nTorgersen,39.1,18.7,181,3750,MÄLE\n")),
            ["csv-binary"] = c => c.Visitor.UploadAsync([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']),
            ["csv-over-row-cap"] = c => c.Visitor.UploadAsync(Csv(Enumerable.Repeat(GoodRow, 1001))),
            ["csv-over-byte-cap"] = c => c.Visitor.UploadAsync(Header + "\n" + GoodRow.Replace("MALE", "MALE" + new string(' ', 1_000_000)) + "\n"),
            ["csv-no-file"] = c => c.Visitor.Http.PostAsync("/api/jobs", new MultipartFormDataContent { { new StringContent(Csv([GoodRow])), "notes" } }),
            ["csv-not-multipart"] = c => c.Visitor.Http.PostAsync("/api/jobs", new StringContent(Csv([GoodRow]), Encoding.UTF8, "text/csv")),
            ["csv-cut-off"] = c => c.Visitor.Http.PostAsync("/api/jobs", CutMultipart(Csv([GoodRow, GoodRow]))),
            ["csv-ragged-row"] = c => c.Visitor.UploadAsync(Csv([GoodRow, GoodRow + ",extra"])),
            ["csv-bad-cell"] = c => c.Visitor.UploadAsync(Csv([GoodRow, GoodRow.Replace("39.1", "long")])),
            ["csv-quoted-newline"] = c => c.Visitor.UploadAsync(Csv([GoodRow, GoodRow.Replace("Torgersen", "\"Torg\nersen\"")])),
            ["csv-bom"] = c => c.Visitor.UploadAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv([GoodRow]))]),
            ["csv-path-traversal-name"] = c => c.Visitor.UploadAsync(Encoding.UTF8.GetBytes(Csv([GoodRow])), fileName: "../../etc/passwd.csv"),
            ["id-malformed"] = c => c.Visitor.Http.GetAsync("/api/jobs/..%2F..%2Fsecrets"),
            ["id-someone-elses"] = async c => await c.Visitor.Http.GetAsync($"/api/jobs/{await c.OthersJobAsync()}/result"),
            ["cancel-someone-elses"] = async c => await c.Visitor.Http.DeleteAsync($"/api/jobs/{await c.OthersJobAsync()}"),
            ["idempotency-key-reused"] = async c =>
            {
                var key = Guid.NewGuid().ToString();
                (await c.Visitor.UploadAsync(Csv([GoodRow]), key)).Dispose();
                return await c.Visitor.UploadAsync(Csv([GoodRow, GoodRow]), key);
            },
            ["idempotency-key-too-long"] = c => c.Visitor.UploadAsync(Csv([GoodRow]), new string('k', 201)),
            ["idempotency-key-not-visible-ascii"] = c => c.Visitor.UploadAsync(Csv([GoodRow]), "key with spaces"),
            ["page-token-forged"] = c => c.Visitor.Http.GetAsync("/api/jobs?pageToken=bm90LWEtdG9rZW4"),
            ["page-size-out-of-range"] = c => c.Visitor.Http.GetAsync("/api/jobs?pageSize=0"),
            ["result-not-ready"] = async c =>
            {
                var job = await c.Visitor.SubmitAsync(Csv([GoodRow]));
                (await c.Visitor.Http.DeleteAsync($"/api/jobs/{job}")).Dispose();
                return await c.Visitor.Http.GetAsync($"/api/jobs/{job}/result");
            },
        };

    public static string Csv(IEnumerable<string> rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A multipart upload whose body ends inside the file, before the closing boundary.</summary>
    private static ByteArrayContent CutMultipart(string csv)
    {
        const string Boundary = "cut-off-upload";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\n{csv}"));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private static JsonObject Row() => new()
    {
        ["island"] = "Torgersen", ["bill_length_mm"] = 39.1, ["bill_depth_mm"] = 18.7, ["flipper_length_mm"] = 181, ["body_mass_g"] = 3750, ["sex"] = "MALE",
    };

    /// <summary>A predict body of one good row with some fields changed; a null value removes the field.</summary>
    private static JsonObject Input(params (string Name, JsonNode? Value)[] changes)
    {
        var row = Row();
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                row.Remove(name);
            }
            else
            {
                row[name] = value;
            }
        }

        return new JsonObject { ["input"] = row };
    }
}
