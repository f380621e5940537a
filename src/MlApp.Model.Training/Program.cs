using MlApp.Model.Training;

using MlApp.Model.Training.Cooling;
using MlApp.Model.Training.Penguins;
using MlApp.Model.Training.Shared;
// Trains a model reproducibly (fixed seed, fixed held-out split), exports it to ONNX with its card, and checks that
// ONNX Runtime predicts what ML.NET predicts. See docs/model.md.
const string usage = """
    Usage: dotnet run --project src/MlApp.Model.Training -- <penguins|cooling> --output <folder> [--heldout <file.json>] [--data <penguins.csv>]
      penguins  species of Palmer penguins (classification, columns input mode), from data/penguins.csv
      cooling   cooling load of a building (regression, tensor input mode), on synthetic data
      mlp       a wide multi-layer perceptron with random weights, the gpu benchmark's load (not committed: about 35 MB)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(usage);
    return 0;
}

if (!TrainingArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine($"{error}\n{usage}");
    return 2;
}

try
{
    var result = arguments.Model switch
    {
        "penguins" => PenguinsTrainer.Train(arguments),
        "cooling" => CoolingTrainer.Train(arguments),
        "mlp" => MlApp.Model.Training.Mlp.WideMlp.Write(arguments.Output),
        _ => throw new ArgumentException($"Unknown model '{arguments.Model}'."),
    };
    Console.WriteLine(result);
    return 0;
}
catch (Exception failure) when (failure is ExportCheckException or ArgumentException or IOException)
{
    Console.Error.WriteLine($"Training failed: {failure.Message}");
    return 1;
}
