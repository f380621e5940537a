namespace MlApp.Model.Training.Shared;

/// <summary>The exported graph doesn't predict what ML.NET predicts, or is too big to ship: the model must not be used.</summary>
internal sealed class ExportCheckException(string message) : Exception(message);
