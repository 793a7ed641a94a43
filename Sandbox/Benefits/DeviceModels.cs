namespace IqosBot.Sandbox.Benefits;

/// <summary>The models the sandbox CRM knows, with the Swedish launch dates it checks purchase dates against.</summary>
internal static class DeviceModels
{
    public const string Iqos3Duo = "IQOS 3 DUO";
    public const string Iluma = "IQOS ILUMA";
    public const string IlumaPrime = "IQOS ILUMA PRIME";
    public const string IlumaOne = "IQOS ILUMA ONE";

    private static readonly Dictionary<string, DateOnly> LaunchDates = new(StringComparer.Ordinal)
    {
        [Iqos3Duo] = new DateOnly(2019, 1, 1),
        [Iluma] = new DateOnly(2021, 8, 1),
        [IlumaPrime] = new DateOnly(2021, 8, 1),
        [IlumaOne] = new DateOnly(2021, 8, 1),
    };

    /// <summary>
    /// No device of a model can have been bought before it was on sale. A model missing from the table
    /// would be a seeding mistake; it gets no lower bound rather than refusing every purchase.
    /// </summary>
    public static DateOnly LaunchDate(string model) => LaunchDates.GetValueOrDefault(model, DateOnly.MinValue);
}
