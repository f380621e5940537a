using System.Diagnostics.CodeAnalysis;

namespace MlApp.Model.Training;

/// <summary>The command line: which model, where its folder goes, and where the held-out predictions go for the tests.</summary>
internal sealed record TrainingArguments(string Model, string Output, string? HeldOut, string? Data)
{
    public const int Seed = 42;

    public const double TestFraction = 0.2;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out TrainingArguments? arguments, out string error)
    {
        arguments = null;
        error = "";
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 1; index < args.Length; index += 2)
        {
            if (args[index] is not ("--output" or "--heldout" or "--data") || index + 1 >= args.Length)
            {
                error = $"Unexpected argument '{args[index]}'.";
                return false;
            }

            options[args[index]] = args[index + 1];
        }

        if (!options.TryGetValue("--output", out var output))
        {
            error = "--output is required.";
            return false;
        }

        arguments = new TrainingArguments(args[0], output, options.GetValueOrDefault("--heldout"), options.GetValueOrDefault("--data"));
        return true;
    }
}
