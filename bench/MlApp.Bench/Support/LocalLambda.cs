using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws.Lambda;

namespace MlApp.Bench;

/// <summary>The AppHost's Lambda emulator on loopback, serving the functions the scenarios start instances of.</summary>
internal sealed class LocalLambda(LambdaEmulator emulator, HttpClient http) : IAsyncDisposable
{
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(30);

    public Uri Url => emulator.Url;

    public static async Task<LocalLambda> StartAsync(CancellationToken cancellationToken)
    {
        var emulator = new LambdaEmulator();
        await emulator.StartAsync(NullLogger.Instance, TimeProvider.System, cancellationToken);
        return new LocalLambda(emulator, new HttpClient { BaseAddress = emulator.Url, Timeout = TimeSpan.FromSeconds(60) });
    }

    /// <summary>Registers a function (30 s timeout, as the AppHost's) and returns its name.</summary>
    public string AddFunction(string name)
    {
        emulator.AddFunction(new LambdaFunctionSettings(name, FunctionTimeout));
        return name;
    }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c> for an instance of the function.</summary>
    public string RuntimeApiFor(string functionName) => emulator.RuntimeApiFor(functionName);

    /// <summary>The path of the function's Invoke API, relative to <see cref="Url"/>.</summary>
    public static string InvokePath(string functionName) => $"2015-03-31/functions/{functionName}/invocations";

    /// <summary>One RequestResponse invoke; anything but a 200 with one prediction per input row throws.</summary>
    public async Task InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(InvokePath(functionName), content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || response.Headers.Contains("X-Amz-Function-Error") || !BenchPayloads.HasPredictions(body, payload))
        {
            throw new InvalidOperationException($"Invoke answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }
}
