using Microsoft.Extensions.Options;

namespace MlApp.BatchJob;

/// <summary>Checks <see cref="BatchWorkerOptions"/>' data annotations with code generated from them, so without reflection (the worker is compiled native).</summary>
[OptionsValidator]
internal sealed partial class BatchWorkerOptionsAnnotations : IValidateOptions<BatchWorkerOptions>;
