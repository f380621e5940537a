using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MlApp.Tests.Integration.Web.BadRequests;

/// <summary>
/// Records, outside the app's whole pipeline, the status each request ended with and any exception that escaped it:
/// what the server did even for a client that hung up before it could read the answer.
/// </summary>
internal sealed class ServerStatusRecorder : IStartupFilter
{
    public sealed record ServerAnswer(string Method, string Path, int Status, string? Exception);

    private readonly ConcurrentQueue<ServerAnswer> _answers = new();

    public IReadOnlyList<ServerAnswer> Answers => [.. _answers];

    public void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate inner) =>
        {
            try
            {
                await inner(context);
                _answers.Enqueue(new(context.Request.Method, context.Request.Path, context.Response.StatusCode, null));
            }
            catch (Exception e)
            {
                _answers.Enqueue(new(context.Request.Method, context.Request.Path, 500, e.GetType().Name + ": " + e.Message));
                throw;
            }
        });
        next(app);
    };
}
