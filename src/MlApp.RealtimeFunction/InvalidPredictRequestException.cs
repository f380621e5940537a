namespace MlApp.RealtimeFunction;

/// <summary>The invocation's payload is not a valid prediction request; Lambda reports it to the caller as a function error.</summary>
public sealed class InvalidPredictRequestException(string message) : Exception(message);
