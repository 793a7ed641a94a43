using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace IqosBot.Dialogs.Support;

/// <summary>
/// An <see cref="IOptionsMonitor{T}"/> for options that business people change while the bot runs (contact
/// details, hours, policy figures, who files claims), which the dialogs read per turn. A slip in such an edit
/// (an empty phone number, a duplicated holiday, "sixty" for a number of days) must neither turn every answer
/// into an error nor break the reload: the bot keeps the last valid values and logs a warning until the
/// configuration is valid again. The framework's monitor forgets its value when a reload fails validation and
/// throws from then on. At start-up there is no last valid value, so an invalid configuration still stops the
/// start (ValidateOnStart reads through this monitor).
/// </summary>
public sealed class LastValidOptionsMonitor<T> : IOptionsMonitor<T>, IDisposable
    where T : class
{
    private readonly IOptionsFactory<T> _factory;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _registrations = [];
    private readonly Lock _gate = new();
    private volatile T? _current;
    private Action<T, string?>? _listeners;

    public LastValidOptionsMonitor(IOptionsFactory<T> factory, IEnumerable<IOptionsChangeTokenSource<T>> sources, ILogger logger)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        foreach (var source in sources ?? throw new ArgumentNullException(nameof(sources)))
        {
            _registrations.Add(ChangeToken.OnChange(source.GetChangeToken, Reload, source.Name));
        }
    }

    public T CurrentValue => Get(Options.DefaultName);

    /// <summary>These options are unnamed; another name is built fresh, as the framework would.</summary>
    public T Get(string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return _factory.Create(name);
        }

        if (_current is { } current)
        {
            return current;
        }

        lock (_gate)
        {
            return _current ??= _factory.Create(Options.DefaultName);
        }
    }

    public IDisposable? OnChange(Action<T, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners += listener;
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _listeners -= listener;
            }
        });
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Reload(string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return;
        }

        T created;
        try
        {
            created = _factory.Create(Options.DefaultName);
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            _logger.LogWarning("The changed {Options} configuration is not valid ({Reason}); the last valid values stay in use.", typeof(T).Name, exception.Message);
            return;
        }

        _current = created;
        Action<T, string?>? listeners;
        lock (_gate)
        {
            listeners = _listeners;
        }

        listeners?.Invoke(created, Options.DefaultName);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
