using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Support;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// The benefits API as the sandbox answers with its demo data (Sandbox/Benefits: DemoData, CoveragePolicy,
/// DeviceRegistrar, CoverageLookup), in memory. Dates are relative to the clock's day when the fake is made,
/// as the sandbox's are to its first start. Every call is recorded with what the bot sent, so tests can show
/// what reached the API (and what never did).
/// </summary>
public sealed class FakeBenefitsApi : IBenefitsApi
{
    public const string DemoEmail = "demo@example.com";
    public const string OtherEmail = "someone.else@example.com";

    /// <summary>Not registered: IQOS ILUMA PRIME, IQOS ILUMA ONE, IQOS 3 DUO.</summary>
    public const string UnregisteredPrime = "ILP1A2B3C4D5";
    public const string UnregisteredOne = "ILO7G6H5J4K3";
    public const string UnregisteredDuo = "D3U9F8E7D6C5";

    /// <summary>IQOS ILUMA on <see cref="DemoEmail"/>, bought and registered 7 months ago, claim unused.</summary>
    public const string RegisteredIluma = "ILU2M3N4P5Q6";

    /// <summary>IQOS ILUMA PRIME on <see cref="DemoEmail"/>, 4 months ago, accidental damage claim used.</summary>
    public const string ClaimUsedPrime = "ILP8R7S6T5U4";

    /// <summary>IQOS 3 DUO on <see cref="DemoEmail"/>, 26 months ago: warranty, accident cover and money-back have ended.</summary>
    public const string ExpiredDuo = "D3U1V2W3X4Y5";

    /// <summary>IQOS ILUMA on <see cref="OtherEmail"/>, 3 months ago.</summary>
    public const string OtherAccountIluma = "ILU9Z8Y7X6W5";

    private const string Iluma = "IQOS ILUMA";
    private const string IlumaPrime = "IQOS ILUMA PRIME";
    private const string IlumaOne = "IQOS ILUMA ONE";
    private const string Iqos3Duo = "IQOS 3 DUO";

    // The sandbox CRM's own policy periods (BenefitsSandboxOptions defaults).
    private const int WarrantyMonths = 12;
    private const int BenefitProgramMonths = 12;
    private const int AccidentalDamageMonths = 12;
    private const int MoneyBackDays = 60;

    private static readonly Dictionary<string, DateOnly> LaunchDates = new(StringComparer.Ordinal)
    {
        [Iqos3Duo] = new DateOnly(2019, 1, 1),
        [Iluma] = new DateOnly(2021, 8, 1),
        [IlumaPrime] = new DateOnly(2021, 8, 1),
        [IlumaOne] = new DateOnly(2021, 8, 1),
    };

    private readonly LocalClock _clock;
    private readonly Dictionary<string, Device> _devices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _activeAccounts = new(StringComparer.Ordinal) { DemoEmail, OtherEmail };
    private readonly Dictionary<string, (DeviceRegistration Fingerprint, RegistrationResult Result)> _idempotency = new(StringComparer.Ordinal);

    public FakeBenefitsApi(LocalClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        var today = clock.Today;
        Add(UnregisteredPrime, IlumaPrime, null);
        Add(UnregisteredOne, IlumaOne, null);
        Add(UnregisteredDuo, Iqos3Duo, null);
        Add(RegisteredIluma, Iluma, new Registration(DemoEmail, today.AddMonths(-7), today.AddMonths(-7), ClaimUsed: false));
        Add(ClaimUsedPrime, IlumaPrime, new Registration(DemoEmail, today.AddMonths(-4), today.AddMonths(-4), ClaimUsed: true));
        Add(ExpiredDuo, Iqos3Duo, new Registration(DemoEmail, today.AddMonths(-26), today.AddMonths(-26), ClaimUsed: false));
        Add(OtherAccountIluma, Iluma, new Registration(OtherEmail, today.AddMonths(-3), today.AddMonths(-3), ClaimUsed: false));
    }

    /// <summary>While set, every call fails as a timeout or a 5xx would: <c>Unavailable</c>, nothing changes.</summary>
    public bool Unavailable { get; set; }

    /// <summary>
    /// The next registration goes through, and then the bot's turn dies (a crash, a lost reply) before the
    /// conversation is saved, so the customer or the channel sends the same submit again.
    /// </summary>
    public bool CrashAfterNextRegistration { get; set; }

    public List<RegistrationCall> Registrations { get; } = [];

    public List<LookupCall> Lookups { get; } = [];

    /// <summary>The account e-mail a device is registered to now, or null.</summary>
    public string? RegisteredTo(string serial)
        => _devices.TryGetValue(Serial(serial), out var device) ? device.Registration?.Email : null;

    /// <summary>A device the demo data does not have, registered to its own account (for "every date has ended").</summary>
    public void AddRegistered(string serial, string model, string email, DateOnly purchased, bool claimUsed = false)
    {
        Add(serial, model, new Registration(email, purchased, purchased, claimUsed));
        _activeAccounts.Add(email);
    }

    public Task<RegistrationResult> RegisterAsync(DeviceRegistration registration, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Registrations.Add(new RegistrationCall(registration, idempotencyKey));
        var result = Register(registration, idempotencyKey);
        if (CrashAfterNextRegistration)
        {
            CrashAfterNextRegistration = false;
            throw new SimulatedCrashException();
        }

        return Task.FromResult(result);
    }

    public Task<CoverageResult> LookUpCoverageAsync(string serial, string email, CancellationToken cancellationToken)
    {
        Lookups.Add(new LookupCall(serial, email));
        if (Unavailable)
        {
            return Task.FromResult(new CoverageResult(CoverageStatus.Unavailable));
        }

        if (!_devices.TryGetValue(Serial(serial), out var device))
        {
            return Task.FromResult(new CoverageResult(CoverageStatus.NotFound));
        }

        if (device.Registration is not { } registration)
        {
            return Task.FromResult(new CoverageResult(CoverageStatus.NotRegistered, Model: device.Model));
        }

        // A device on another account answers exactly like an unknown serial.
        return Task.FromResult(registration.Email == Email(email)
            ? new CoverageResult(CoverageStatus.Registered, Coverage(device))
            : new CoverageResult(CoverageStatus.NotFound));
    }

    /// <summary>Every serial checked, as the bot sent it.</summary>
    public List<string> SerialChecks { get; } = [];

    public Task<SerialCheckResult> CheckSerialAsync(string serial, CancellationToken cancellationToken)
    {
        SerialChecks.Add(serial);
        if (Unavailable)
        {
            return Task.FromResult(new SerialCheckResult(SerialCheckStatus.Unavailable));
        }

        return Task.FromResult(_devices.TryGetValue(Serial(serial), out var device)
            ? new SerialCheckResult(SerialCheckStatus.Known, device.Model)
            : new SerialCheckResult(SerialCheckStatus.Unknown));
    }

    private RegistrationResult Register(DeviceRegistration registration, string idempotencyKey)
    {
        if (Unavailable)
        {
            return new RegistrationResult(RegistrationStatus.Unavailable);
        }

        var request = registration with { Serial = Serial(registration.Serial), Email = Email(registration.Email) };
        if (_idempotency.TryGetValue(idempotencyKey, out var stored))
        {
            // The same key with another body is refused by the API; the bot's client reports that as unavailable.
            return stored.Fingerprint == request ? stored.Result : new RegistrationResult(RegistrationStatus.Unavailable);
        }

        if (!_devices.TryGetValue(request.Serial, out var device))
        {
            return new RegistrationResult(RegistrationStatus.UnknownSerial);
        }

        if (device.Registration is { } existing)
        {
            if (existing.Email != request.Email)
            {
                return new RegistrationResult(RegistrationStatus.RegisteredToAnotherAccount);
            }

            return Remember(idempotencyKey, request, new RegistrationResult(RegistrationStatus.AlreadyRegistered, Coverage(device), !_activeAccounts.Contains(request.Email)));
        }

        if (request.PurchaseDate > _clock.Today || request.PurchaseDate < LaunchDates[device.Model])
        {
            return new RegistrationResult(RegistrationStatus.InvalidPurchaseDate);
        }

        device.Registration = new Registration(request.Email, request.PurchaseDate, _clock.Today, ClaimUsed: false);
        var pending = !_activeAccounts.Contains(request.Email);
        return Remember(idempotencyKey, request, new RegistrationResult(RegistrationStatus.Registered, Coverage(device), pending));
    }

    private RegistrationResult Remember(string key, DeviceRegistration request, RegistrationResult result)
    {
        _idempotency[key] = (request, result);
        return result;
    }

    /// <summary>As CoveragePolicy: the benefit programme follows the newest purchase registered to the account.</summary>
    private DeviceCoverage Coverage(Device device)
    {
        var registration = device.Registration!;
        var latestOnAccount = _devices.Values
            .Where(other => other.Registration?.Email == registration.Email)
            .Max(other => other.Registration!.Purchased);
        return new DeviceCoverage(
            device.Model,
            registration.Purchased,
            registration.Registered,
            registration.Purchased.AddMonths(WarrantyMonths),
            latestOnAccount.AddMonths(BenefitProgramMonths),
            registration.Registered.AddMonths(AccidentalDamageMonths),
            registration.ClaimUsed,
            registration.Purchased.AddDays(MoneyBackDays));
    }

    private void Add(string serial, string model, Registration? registration) => _devices[serial] = new Device(model) { Registration = registration };

    private static string Serial(string serial) => new(serial.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());

    private static string Email(string email) => email.Trim().ToLowerInvariant();

    private sealed record Device(string Model)
    {
        public Registration? Registration { get; set; }
    }

    private sealed record Registration(string Email, DateOnly Purchased, DateOnly Registered, bool ClaimUsed);
}

public sealed record RegistrationCall(DeviceRegistration Registration, string IdempotencyKey);

public sealed record LookupCall(string Serial, string Email);

/// <summary>Thrown by <see cref="FakeBenefitsApi"/> to end a turn the way a crashing process would.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("The bot stopped after the benefits API registered the device (simulated).")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
