using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MlApp.Model.Card;

/// <summary>Reads and writes <c>model.json</c>. Reading also checks the card for consistency and lists every problem at once.</summary>
public static class ModelCardJson
{
    // Cards are read by people: write units such as °C as they are, not as \u00B0C. A card is data, never HTML.
    private static readonly JsonTypeInfo<ModelCard> WriteInfo = (JsonTypeInfo<ModelCard>)new JsonSerializerOptions(ModelCardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(ModelCard));

    public static ModelCard Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"No model card at '{path}'. A model folder holds {ModelFolder.OnnxFileName} and {ModelFolder.CardFileName}.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="source">Names the card in error messages (usually its path).</param>
    public static ModelCard Parse(string json, string source)
    {
        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize(json, ModelCardJsonContext.Default.ModelCard);
        }
        catch (JsonException error)
        {
            throw new ModelLoadException($"The model card '{source}' is not valid: {error.Message}", error);
        }

        if (card is null)
        {
            throw new ModelLoadException($"The model card '{source}' is empty (null).");
        }

        var problems = ModelCardValidator.Validate(card);
        if (problems.Count > 0)
        {
            throw new ModelLoadException(ModelLoadException.Listing($"The model card '{source}' has {Count(problems)}:", problems));
        }

        return card;
    }

    public static string Serialize(ModelCard card) => JsonSerializer.Serialize(card, WriteInfo) + "\n";

    private static string Count(IReadOnlyCollection<string> problems) => problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
}
