using System.Net;

namespace MlApp.RealtimeFunction.Runtime;

/// <summary>The Runtime API refused one answer with a 4xx; the invocation is over, and the instance can serve the next.</summary>
public sealed class LambdaAnswerRefusedException(string what, HttpStatusCode status)
    : Exception($"The Runtime API refused {what} with {(int)status} {status}; the invocation had already ended (timed out or too large).");
