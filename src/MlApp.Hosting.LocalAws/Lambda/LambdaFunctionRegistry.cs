using System.Collections.Concurrent;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>The functions one emulator serves, by name.</summary>
internal sealed class LambdaFunctionRegistry
{
    private readonly ConcurrentDictionary<string, LambdaFunctionQueue> _functions = new(StringComparer.Ordinal);

    public void Add(LambdaFunctionSettings settings) => _functions.TryAdd(settings.Name, new LambdaFunctionQueue(settings));

    public bool TryGet(string name, out LambdaFunctionQueue function) => _functions.TryGetValue(name, out function!);
}
