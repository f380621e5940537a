using MlApp.Model.Features;

namespace MlApp.Model.Card;

/// <summary>Checks that a card is consistent in itself (the graph is checked separately, once it is loaded).</summary>
public static class ModelCardValidator
{
    public static IReadOnlyList<string> Validate(ModelCard card)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(card.Name))
        {
            problems.Add("name is empty.");
        }

        if (string.IsNullOrWhiteSpace(card.Version))
        {
            problems.Add("version is empty.");
        }

        if (card.Inputs.Count == 0)
        {
            problems.Add("inputs is empty: a model needs at least one input field.");
        }

        foreach (var duplicate in card.Inputs.GroupBy(field => field.Name).Where(group => group.Count() > 1))
        {
            problems.Add($"input '{duplicate.Key}' is declared {duplicate.Count()} times.");
        }

        foreach (var field in card.Inputs)
        {
            ValidateField(card, field, problems);
        }

        ValidateOutput(card, problems);
        return problems;
    }

    private static void ValidateField(ModelCard card, InputField field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(field.Name))
        {
            problems.Add("an input has an empty name.");
            return;
        }

        var where = $"input '{field.Name}'";
        if (field.IsNumeric)
        {
            if (field.Categories is not null)
            {
                problems.Add($"{where} is a {FieldText.TypeName(field.Type)} but lists categories; only category fields have them.");
            }

            if (field.Minimum is { } min && field.Maximum is { } max && min > max)
            {
                problems.Add($"{where} has minimum {FieldText.Number(min)} above maximum {FieldText.Number(max)}.");
            }

            if (field.Minimum is { } limitLow && !double.IsFinite(limitLow) || field.Maximum is { } limitHigh && !double.IsFinite(limitHigh))
            {
                problems.Add($"{where} has a minimum or maximum that is not a finite number.");
            }
        }
        else
        {
            if (field.Categories is not { Count: > 0 })
            {
                problems.Add($"{where} is a category but lists no categories.");
            }
            else if (field.Categories.Distinct(StringComparer.Ordinal).Count() != field.Categories.Count)
            {
                problems.Add($"{where} lists a category more than once.");
            }

            if (field.Minimum is not null || field.Maximum is not null)
            {
                problems.Add($"{where} is a category but has a minimum or maximum; only number fields have them.");
            }

            if (card.Onnx.InputMode == OnnxInputMode.Tensor)
            {
                problems.Add($"{where} is a category, but the tensor input mode takes numbers only: use the columns mode, or encode the category as numbers.");
            }
        }

        if (field.Example is { } example && FieldRules.Check(field, example) is { } error)
        {
            problems.Add($"{where} has an example that the schema refuses: {error.Message}");
        }
    }

    private static void ValidateOutput(ModelCard card, List<string> problems)
    {
        var outputs = card.Onnx.Outputs;
        if (string.IsNullOrWhiteSpace(card.Output.Name))
        {
            problems.Add("output.name is empty.");
        }

        if (card.Task == ModelTask.Classification)
        {
            var classes = card.Output.Classes;
            if (classes is not { Count: >= 2 })
            {
                problems.Add("output.classes needs at least two class labels for a classification model.");
            }
            else if (classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
            {
                problems.Add("output.classes lists a class more than once.");
            }

            if (outputs.Label is null && outputs.Scores is null)
            {
                problems.Add("onnx.outputs needs 'label', 'scores' or both for a classification model.");
            }

            if (outputs.Value is not null)
            {
                problems.Add("onnx.outputs.value is for regression models; a classification model has 'label' and 'scores'.");
            }
        }
        else
        {
            if (outputs.Value is null)
            {
                problems.Add("onnx.outputs.value is required for a regression model.");
            }

            if (outputs.Label is not null || outputs.Scores is not null)
            {
                problems.Add("onnx.outputs 'label' and 'scores' are for classification models; a regression model has 'value'.");
            }

            if (card.Output.Classes is not null)
            {
                problems.Add("output.classes is for classification models.");
            }
        }
    }
}
