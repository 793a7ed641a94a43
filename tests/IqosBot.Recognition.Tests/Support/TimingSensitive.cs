namespace IqosBot.Recognition.Tests.Support;

/// <summary>
/// Tests that depend on time limits of a few hundred milliseconds run in this collection: after every
/// other test and alone, so recognizer training on the other core cannot starve them into a timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive, run alone";
}
