using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Composition;

/// <summary>
/// What business people change in configuration (contact details, policy figures, opening hours) reaches
/// the next message of a running bot: the composed dialogs read it per turn, not once at start-up.
/// </summary>
public sealed class ConfigurationChangeTests
{
    private readonly ScoredRecognizer _recognizer = new(new Dictionary<string, (string, double)[]>
    {
        ["hur når jag er"] = [(Intents.ContactSupport, 0.95)],
        ["what is the money back guarantee"] = [(Intents.MoneyBackGuarantee, 0.9)],
    });

    [Fact]
    public async Task A_new_phone_number_is_in_the_next_answer_without_a_restart()
    {
        var services = TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer, null, out var configuration);
        var harness = new DialogTestHarness(TestDialogs.Factory(services), language: null, Channels.Emulator);
        var before = string.Join("\n", (await harness.SendAsync("hur når jag er")).Messages()[0].AdaptiveCard()!.CardStrings());
        await harness.SendAsync("ja");

        configuration["Support:Phone"] = "08-123 45 67";
        configuration.Reload();
        var after = string.Join("\n", (await harness.SendAsync("hur når jag er")).Messages()[0].AdaptiveCard()!.CardStrings());

        Assert.Contains(TestSupport.Phone, before, StringComparison.Ordinal);
        Assert.Contains("08-123 45 67", after, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSupport.Phone, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_longer_money_back_period_is_in_the_next_answer()
    {
        var services = TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer, null, out var configuration);
        var harness = new DialogTestHarness(TestDialogs.Factory(services), language: null, Channels.Emulator);
        var before = string.Join("\n", (await harness.SendAsync("what is the money back guarantee")).Messages()[0].AdaptiveCard()!.CardStrings());
        await harness.SendAsync("yes");

        configuration["Policy:MoneyBackDays"] = "90";
        configuration.Reload();
        var after = string.Join("\n", (await harness.SendAsync("what is the money back guarantee")).Messages()[0].AdaptiveCard()!.CardStrings());

        Assert.Contains("60-day", before, StringComparison.Ordinal);
        Assert.Contains("90-day", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_edit_keeps_the_last_valid_values_and_the_bot_answering()
    {
        var services = TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer, null, out var configuration);
        var harness = new DialogTestHarness(TestDialogs.Factory(services), language: null, Channels.Emulator);
        await harness.SendAsync("hur når jag er");
        await harness.SendAsync("ja");

        // A phone number is required: an empty one is a slip in the edit, not a new number.
        configuration["Support:Phone"] = "";
        configuration.Reload();
        var after = string.Join("\n", (await harness.SendAsync("hur når jag er")).Messages()[0].AdaptiveCard()!.CardStrings());

        Assert.Contains(TestSupport.Phone, after, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_configuration_still_stops_the_start()
    {
        var services = TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer, null, new Dictionary<string, string?> { ["Support:Phone"] = "" });

        var provider = services.BuildServiceProvider();

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<MainDialog>());
    }

    [Fact]
    public void A_holiday_added_to_the_configuration_closes_customer_care_that_day()
    {
        var services = TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer, null, out var configuration);
        var hours = services.BuildServiceProvider().GetRequiredService<BusinessHours>();

        // Wednesday 25 November 2026, 10:00 in Stockholm: open by the weekly hours.
        var wednesdayMorning = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var openBefore = hours.IsOpen(wednesdayMorning);
        configuration["Support:Exceptions:0:Date"] = "2026-11-25";
        configuration["Support:Exceptions:0:Closed"] = "true";
        configuration.Reload();

        Assert.True(openBefore);
        Assert.False(hours.IsOpen(wednesdayMorning));
    }
}
