namespace IqosBot.Dialogs.Understanding;

/// <summary>The symptom keys used in knowledge/troubleshooting/{sv,en}.json.</summary>
public static class Symptoms
{
    /// <summary>A light blinks or shows red.</summary>
    public const string RedLight = "red-light";

    /// <summary>All lights blink white twice, then go off.</summary>
    public const string WhiteBlinking = "white-blinking";

    public const string NotHeating = "not-heating";
    public const string NotCharging = "not-charging";

    /// <summary>Stops or turns off by itself.</summary>
    public const string Stops = "stops";

    /// <summary>A stick is stuck or broke inside.</summary>
    public const string StickStuck = "stick-stuck";

    public static IReadOnlyList<string> All { get; } = [RedLight, WhiteBlinking, NotHeating, NotCharging, Stops, StickStuck];
}
