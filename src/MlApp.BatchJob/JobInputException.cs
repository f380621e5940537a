namespace MlApp.BatchJob;

/// <summary>The job's input can't be predicted as a whole (missing, not CSV, wrong header); the message is for the job's owner.</summary>
public sealed class JobInputException(string message) : Exception(message);
