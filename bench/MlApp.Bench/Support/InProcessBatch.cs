using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MlApp.BatchJob;
using MlApp.Model;

using MlApp.Model.Features;
namespace MlApp.Bench;

/// <summary>The batch path's floors, in this process over the same CSV bytes: no S3, no queue, no second process.</summary>
internal static class InProcessBatch
{
    /// <summary>
    /// The limit: split each line, validate it with the card (CsvFeatureReader) and predict in runs of
    /// <paramref name="chunkRows"/>, writing nothing. What any batch path must at least do.
    /// </summary>
    public static Rate Limit(IPredictor predictor, byte[] csv, int chunkRows)
    {
        var clock = Rate.Start();
        using var text = new StreamReader(new MemoryStream(csv));
        var reader = CsvFeatureReader.Create(predictor.Card, text.ReadLine()!.Split(',')).Value!;
        var chunk = new List<FeatureRow>(chunkRows);
        long rows = 0;
        for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
        {
            if (reader.Read(line.Split(',')) is { IsValid: true } row)
            {
                chunk.Add(row.Value!);
            }

            if (chunk.Count == chunkRows)
            {
                predictor.PredictBatch(chunk);
                rows += chunk.Count;
                chunk.Clear();
            }
        }

        predictor.PredictBatch(chunk);
        rows += chunk.Count;
        return clock.Stop(rows);
    }

    /// <summary>The worker's own CSV code (<see cref="CsvBatch"/>) from memory to a hash: its rate, and the digest of the result it must store.</summary>
    public static Task<(Rate Rate, string Sha256)> CsvBatchAsync(IPredictor predictor, byte[] csv, CancellationToken cancellationToken)
    {
        var batch = new CsvBatch(predictor, Options.Create(new BatchWorkerOptions()));
        return CsvBatchAsync((input, output) => batch.RunAsync(input, output, null, cancellationToken), csv, cancellationToken);
    }

    /// <summary>A CsvBatch's run (of this build or another) from memory to a hash.</summary>
    public static async Task<(Rate Rate, string Sha256)> CsvBatchAsync(Func<Stream, Stream, Task<long>> run, byte[] csv, CancellationToken cancellationToken)
    {
        using var sha = SHA256.Create();
        var clock = Rate.Start();
        await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            var rows = await run(new MemoryStream(csv), hashing);
            var rate = clock.Stop(rows);
            await hashing.FlushFinalBlockAsync(cancellationToken);
            return (rate, Convert.ToHexString(sha.Hash!));
        }
    }

    public static async Task<string> Sha256Async(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexString(await SHA256.HashDataAsync(content, cancellationToken));
}
