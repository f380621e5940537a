using Microsoft.Extensions.Options;
using MlApp.Web.Predictions;

namespace MlApp.Web.Limits;

/// <summary>The global body cap must leave room for the largest predict request, or callers would meet Kestrel's bare 413 first.</summary>
public sealed class RequestLimitOptionsValidator(IOptions<PredictOptions> predict) : IValidateOptions<RequestLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitOptions options) =>
        options.MaxBodyBytes >= predict.Value.MaxBodyBytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"RequestLimits:MaxBodyBytes ({options.MaxBodyBytes}) is below Predict:MaxBodyBytes ({predict.Value.MaxBodyBytes}); raise it or lower the other.");
}
