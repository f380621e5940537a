namespace MlApp.Model;

/// <summary>
/// A model that can't be served: a missing file, a card that doesn't parse, or a card that doesn't match the graph.
/// The message names what is wrong, because it ends up in Lambda's init error and the task's exit log.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static string Listing(string heading, IEnumerable<string> problems) =>
        heading + string.Concat(problems.Select(problem => "\n - " + problem));
}
