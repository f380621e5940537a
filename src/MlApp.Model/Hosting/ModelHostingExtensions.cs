using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MlApp.Model.Hosting;

public static class ModelHostingExtensions
{
    /// <summary>
    /// Registers the model's options (section <c>Model</c>, validated at start), the singleton <see cref="IPredictor"/>
    /// and its <see cref="ModelCard"/>. The model loads while the host starts; a bad one fails the start with a
    /// <see cref="ModelLoadException"/> that says what is wrong.
    /// </summary>
    public static IHostApplicationBuilder AddModel(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IPredictor>(services => services.GetRequiredService<ModelSource>().LoadPredictor());
        return builder.AddModelCard();
    }

    /// <summary>
    /// Registers only the <see cref="ModelCard"/>, for hosts that validate inputs but leave predicting to another
    /// process (the web app). With <see cref="AddModel"/> the card is the predictor's own.
    /// </summary>
    public static IHostApplicationBuilder AddModelCard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelOptions>()
            .BindConfiguration(ModelOptions.SectionName)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>());
        if (!builder.Services.Any(service => service.ServiceType == typeof(IAmazonS3)))
        {
            builder.Services.AddAWSService<IAmazonS3>();
        }

        builder.Services.TryAddSingleton<ModelSource>();
        builder.Services.TryAddSingleton(services =>
            services.GetService<IPredictor>()?.Card ?? services.GetRequiredService<ModelSource>().LoadCard());
        builder.Services.AddHostedService<ModelWarmup>();
        return builder;
    }
}
