using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>Options that never change, for a dialog built by hand in a unit test (the composed bot reads the configuration).</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

internal static class FixedOptions
{
    public static IOptionsMonitor<T> Of<T>(T value) => new FixedOptions<T>(value);
}
