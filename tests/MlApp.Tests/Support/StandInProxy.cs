using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MlApp.Hosting.LocalAws;

namespace MlApp.Tests.Support;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of one stand-in, for fault injection without touching the shared stand-ins: it
/// forwards requests as they came, records each one (so a test can count result writes), and on demand hangs (requests
/// wait unanswered and bodies stop mid-way, as when the server freezes, and go on at <see cref="Resume"/> unless the
/// client gave up) or
/// drops (connections are cut before the request reaches the server, as while it restarts). The stand-in keeps its
/// data throughout, as a real AWS service does through an outage; an in-memory stand-in that restarted would not.
/// </summary>
public sealed class StandInProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Expect", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly Uri _upstream;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private WebApplication? _app;
    private readonly Lock _gate = new();
    private TaskCompletionSource _open = Opened();
    private volatile bool _dropping;

    private StandInProxy(Uri upstream) => _upstream = upstream;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<ProxiedRequest> Requests => _requests;

    public static async Task<StandInProxy> StartAsync(Uri upstream)
    {
        var proxy = new StandInProxy(upstream);
        (proxy._app, proxy.Url) = await LoopbackServer.StartAsync(app => app.Run(proxy.HandleAsync));
        return proxy;
    }

    /// <summary>From now on requests get no answer, and answers under way no more bytes, until <see cref="Resume"/>.</summary>
    public void Hang()
    {
        lock (_gate)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>From now on every request's connection is cut before the request reaches the stand-in.</summary>
    public void Drop() => _dropping = true;

    /// <summary>Answers again: held requests go through (unless their client gave up) and nothing more is dropped.</summary>
    public void Resume()
    {
        _dropping = false;
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Resume();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http.Dispose();
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var status = 0;
        try
        {
            await WhileHangingAsync(context.RequestAborted);
            if (_dropping)
            {
                context.Abort();
                return;
            }

            status = await ForwardAsync(context);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // The client gave up, or the stand-in cut us off: the client sees a broken connection either way.
            context.Abort();
        }
        finally
        {
            _requests.Enqueue(new ProxiedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
                request.Headers["X-Amz-Target"].FirstOrDefault(), status));
        }
    }

    private async Task<int> ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        // S3 part uploads are 8 MiB; Kestrel's default cap is for web apps, not for a proxy.
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream, request.Path.Value + request.QueryString.Value));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            outgoing.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !outgoing.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var answer = await _http.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        // A piece at a time, so a hang freezes a body already flowing too, as a frozen server does mid-download.
        await using var body = await answer.Content.ReadAsStreamAsync(context.RequestAborted);
        var buffer = new byte[64 * 1024];
        for (var read = await body.ReadAsync(buffer, context.RequestAborted); read > 0; read = await body.ReadAsync(buffer, context.RequestAborted))
        {
            await WhileHangingAsync(context.RequestAborted);
            await response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
        }

        return response.StatusCode;
    }

    private Task WhileHangingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _open.Task.WaitAsync(cancellationToken);
        }
    }
}
