namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// The options the dialogs read per turn keep their last valid values on a bad live edit; at start there is
/// none, so the bot refuses to start on them and says which setting is wrong.
/// </summary>
public sealed class OptionsAtStartTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData("Support:Phone", "", "Phone")]
    [InlineData("Policy:MoneyBackDays", "0", "MoneyBackDays")]
    [InlineData("Claims:HandledBy", "Robots", "HandledBy")]
    [InlineData("Storage:Provider", "Postgres", "ConnectionStrings:Postgres")]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider 'Oracle'")]
    [InlineData("Retention:InactiveConversationDays", "0", "InactiveConversationDays")]
    public void An_invalid_setting_stops_the_start_and_is_named(string key, string value, string named)
    {
        using var host = new BotHost(_database.Path, new Dictionary<string, string?> { [key] = value });

        var exception = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(named, exception.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
