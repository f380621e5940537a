using Microsoft.Extensions.Options;

namespace MlApp.Jobs;

/// <summary>Checks <see cref="JobsOptions"/>' data annotations with code generated from them, so without reflection (the worker is compiled native).</summary>
[OptionsValidator]
internal sealed partial class JobsOptionsAnnotations : IValidateOptions<JobsOptions>;
