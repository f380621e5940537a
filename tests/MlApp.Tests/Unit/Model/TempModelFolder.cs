namespace MlApp.Tests.Unit.Model;

/// <summary>A scratch model folder for tests that break a model on purpose; deleted afterwards.</summary>
internal sealed class TempModelFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlapp-model-test-").FullName;

    /// <summary>Copies a real model's files in, so a test can break just one thing.</summary>
    public static TempModelFolder CopyOf(string folder)
    {
        var copy = new TempModelFolder();
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, System.IO.Path.Combine(copy.Path, System.IO.Path.GetFileName(file)));
        }

        return copy;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
