using System.Text;
using MlApp.Model.Invocation;
using MlApp.Model;

namespace MlApp.Tests.Unit.Model;

/// <summary>The one rule for a predict body, which the web and the function both apply.</summary>
[Trait("Category", "Unit")]
public sealed class PredictBodyTests
{
    private const string Row = """{"island": "Torgersen", "bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "MALE"}""";

    [Fact]
    public void A_string_with_bytes_that_are_not_utf8_is_refused_with_where_it_is()
    {
        byte[] body = [.. "{\"input\": {\"island\": \"Torg"u8, 0xC3, 0x28, .. "\"}}"u8];

        using var document = PredictBody.Parse(body, out var problem);

        Assert.Null(document);
        Assert.Contains("The string at byte 21 is not text", problem);
    }

    [Theory]
    [InlineData("{\"input\": {\"island\": \"\\ud800\"}}", "string")]
    [InlineData("{\"input\": {\"\\udc00x\": 1}}", "property name")]
    public void A_lone_surrogate_escape_is_refused(string body, string where)
    {
        using var document = PredictBody.Parse(Encoding.UTF8.GetBytes(body), out var problem);

        Assert.Null(document);
        Assert.Contains($"The {where} at byte", problem);
        Assert.Contains("unpaired surrogate", problem);
    }

    [Fact]
    public void Text_with_a_surrogate_pair_escape_and_non_ascii_letters_is_read()
    {
        using var document = PredictBody.Parse(Encoding.UTF8.GetBytes("{\"input\": {\"island\": \"\\ud83d\\udc27 Dr\u00e9am\"}}"), out var problem);

        Assert.Null(problem);
        Assert.Equal("\U0001F427 Dr\u00e9am", document!.RootElement.GetProperty("input").GetProperty("island").GetString());
    }

    [Fact]
    public void Input_and_inputs_together_are_refused_naming_both()
    {
        using var document = PredictBody.Parse(Encoding.UTF8.GetBytes($$"""{"input": {{Row}}, "inputs": [{{Row}}]}"""), out _);

        var rows = PredictBody.Rows(document!.RootElement);

        Assert.False(rows.IsValid);
        Assert.Equal(["input", "inputs"], rows.Problems.Select(problem => problem.Key));
        Assert.All(rows.Problems, problem => Assert.Contains("both \"input\" and \"inputs\"", problem.Message));
    }

    [Theory]
    [InlineData("{\"input\": " + Row + "}", "input", 1, "input")]
    [InlineData("{\"inputs\": [" + Row + ", " + Row + "]}", "inputs", 2, "inputs[1]")]
    public void One_row_or_many_are_read_with_their_names(string body, string field, int count, string lastName)
    {
        using var document = PredictBody.Parse(Encoding.UTF8.GetBytes(body), out _);

        var rows = PredictBody.Rows(document!.RootElement);

        Assert.True(rows.IsValid);
        Assert.Equal((field, count, lastName), (rows.Field, rows.Rows.Count, rows.RowName(count - 1)));
    }

    [Theory]
    [InlineData("[1, 2]", "body")]
    [InlineData("{\"rows\": []}", "body")]
    [InlineData("{\"inputs\": 5}", "body")]
    [InlineData("{\"inputs\": []}", "inputs")]
    public void Other_shapes_are_refused_with_what_to_send(string body, string key)
    {
        using var document = PredictBody.Parse(Encoding.UTF8.GetBytes(body), out _);

        var rows = PredictBody.Rows(document!.RootElement);

        Assert.Equal(key, Assert.Single(rows.Problems).Key);
    }
}
