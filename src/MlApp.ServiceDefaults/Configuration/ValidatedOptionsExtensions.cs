using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// The binder and the annotations read the type by reflection, so code that is compiled native (the realtime function,
    /// the batch worker) binds its settings with the configuration binding generator and checks them with
    /// <see cref="ValidateOnStart{TOptions, TAnnotations}"/> instead.
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

    /// <summary>
    /// The same rule without reflection: the caller binds the section (<c>AddOptions&lt;T&gt;().BindConfiguration(...)</c>,
    /// which the configuration binding generator compiles at that call), and <typeparamref name="TAnnotations"/>, an
    /// <c>[OptionsValidator]</c> class, checks the type's data annotations with code generated from them. Checked when
    /// the host starts.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateOnStart<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAnnotations>(this OptionsBuilder<TOptions> options)
        where TOptions : class
        where TAnnotations : class, IValidateOptions<TOptions>
    {
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TAnnotations>());
        return options.ValidateOnStart();
    }
}
