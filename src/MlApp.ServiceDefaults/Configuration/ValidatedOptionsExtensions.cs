using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlApp.ServiceDefaults.Configuration;

/// <summary>How an MlApp process registers a settings section: one rule, so no section is left unchecked by accident.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/>, checks its data annotations, and checks it
    /// when the host starts: a wrong setting stops the process at once, naming the setting, instead of failing the first
    /// request that reads it. Rules across settings are an <see cref="IValidateOptions{TOptions}"/> registered beside it.
    /// </summary>
    /// <remarks>
    /// The binder and the annotations read the type by reflection, so code that is compiled native (the realtime function)
    /// binds its settings with the configuration binding generator instead (see MlApp.Model's ModelOptions).
    /// </remarks>
    [RequiresUnreferencedCode("Binds and validates the settings type by reflection.")]
    [RequiresDynamicCode("Binds the settings type by reflection.")]
    public static OptionsBuilder<TOptions> AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(
        this IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
