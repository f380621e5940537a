namespace MlApp.Jobs.Csv;

/// <summary>
/// A job's CSV breaks the reading rule as a whole (not UTF-8 text, a quote never closed, a row too long to be a row);
/// the message is for the file's owner. The web answers it with a 400, the worker fails the job with it.
/// </summary>
public sealed class CsvFormatException(string message) : Exception(message);
