using Spectre.Console.Cli;

namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// A minimal registrar for Spectre.Console.Cli: instances and factories registered by the composition root, and
/// constructor injection for command classes.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _factories = [];

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        _factories[service] = () => lazy.Value;
    }

    public ITypeResolver Build() => new Resolver(this);

    private object? Resolve(Type type) =>
        _factories.TryGetValue(type, out var factory) ? factory() : type.IsAbstract || type.IsInterface ? null : Create(type);

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => Resolve(p.ParameterType) ?? throw new InvalidOperationException($"No registration for {p.ParameterType.Name} needed by {type.Name}."))
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private sealed class Resolver(TypeRegistrar registrar) : ITypeResolver
    {
        public object? Resolve(Type? type) => type is null ? null : registrar.Resolve(type);
    }
}
