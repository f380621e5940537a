using System.Text.Json;

namespace MlApp.Model.Invocation;

/// <summary>
/// What the web sends the realtime function: the rows as the caller wrote them (the function validates them again
/// against its own card) and the W3C traceparent of the request, so the function's spans join the caller's trace.
/// </summary>
public sealed record PredictRequest(IReadOnlyList<JsonElement> Inputs, string? TraceParent = null);
