using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Broken;

public sealed class TroubleshootingGuideTests
{
    private static readonly TroubleshootingGuide Guide = new();

    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var symptom in Symptoms.All)
        {
            foreach (var family in Families.All)
            {
                pairs.Add(symptom, family);
            }
        }

        return pairs;
    }

    [Fact]
    public void Both_languages_list_the_same_models_newest_first()
    {
        var sv = Guide.Models("sv");
        var en = Guide.Models("en");
        Assert.Equal(sv, en);
        Assert.Equal(
            ["IQOS ILUMA i PRIME", "IQOS ILUMA i", "IQOS ILUMA i ONE", "IQOS ILUMA PRIME", "IQOS ILUMA", "IQOS ILUMA ONE", "IQOS 3 DUO", "IQOS 3 MULTI", "IQOS 3"],
            sv.Select(model => model.Name));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Both_languages_have_the_same_number_of_steps(string symptom, string family)
    {
        var sv = Guide.Steps("sv", symptom, family);
        var en = Guide.Steps("en", symptom, family);
        Assert.Equal(sv.Count, en.Count);
        Assert.InRange(sv.Count, 0, 4);
        Assert.All(sv.Concat(en), step => Assert.False(string.IsNullOrWhiteSpace(step)));
    }

    [Fact]
    public void Red_light_on_iluma_moves_away_from_magnets_and_resets()
    {
        var sv = string.Join(" ", Guide.Steps("sv", Symptoms.RedLight, Families.Iluma));
        var en = string.Join(" ", Guide.Steps("en", Symptoms.RedLight, Families.Iluma));
        Assert.Contains("magnet", sv, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Återställ", sv, StringComparison.Ordinal);
        Assert.Contains("10 sekunder", sv, StringComparison.Ordinal);
        Assert.Contains("magnet", en, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Reset", en, StringComparison.Ordinal);
        Assert.Contains("10 seconds", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_charging_on_iluma_starts_with_the_original_adaptor()
    {
        var sv = Guide.Steps("sv", Symptoms.NotCharging, Families.Iluma);
        var en = Guide.Steps("en", Symptoms.NotCharging, Families.Iluma);
        Assert.Contains("originaladaptern", sv[0], StringComparison.Ordinal);
        Assert.Contains("original adaptor", en[0], StringComparison.Ordinal);
        Assert.Contains(sv, step => step.Contains("15–20 minuter", StringComparison.Ordinal));
        Assert.Contains(en, step => step.Contains("15–20 minutes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sv", "0 och 40 °C")]
    [InlineData("en", "0 and 40 °C")]
    public void White_blinking_on_iluma_one_is_the_temperature(string language, string range)
        => Assert.Contains(Guide.Steps(language, Symptoms.WhiteBlinking, Families.IlumaOne), step => step.Contains(range, StringComparison.Ordinal));

    [Theory]
    [InlineData("sv", "tandpetare")]
    [InlineData("en", "toothpick")]
    public void A_stuck_stick_in_an_iluma_one_comes_out_with_a_toothpick(string language, string tool)
        => Assert.Contains(tool, Assert.Single(Guide.Steps(language, Symptoms.StickStuck, Families.IlumaOne)), StringComparison.Ordinal);

    [Fact]
    public void Pairs_without_facts_have_no_steps()
    {
        Assert.Empty(Guide.Steps("sv", Symptoms.StickStuck, Families.Iluma));
        Assert.Empty(Guide.Steps("en", Symptoms.StickStuck, Families.Iqos3));
    }

    [Fact]
    public void Unknown_symptoms_and_families_have_no_steps()
    {
        Assert.Empty(Guide.Steps("sv", "exploded", Families.Iluma));
        Assert.Empty(Guide.Steps("en", Symptoms.RedLight, "lil-solid"));
    }

    [Fact]
    public void A_locale_is_read_as_its_language()
        => Assert.Equal(Guide.Steps("en", Symptoms.Stops, Families.Iqos3), Guide.Steps("en-GB", Symptoms.Stops, Families.Iqos3));

    [Fact]
    public void Family_of_every_listed_model()
    {
        foreach (var model in Guide.Models("en"))
        {
            Assert.Equal(model.Family, Guide.FamilyOf(model.Name));
            Assert.Equal(model.Family, Guide.FamilyOf(model.Name.ToLowerInvariant()));
        }

        Assert.Equal(Families.Iluma, Guide.FamilyOf("IQOS ILUMA i PRIME"));
        Assert.Equal(Families.IlumaOne, Guide.FamilyOf("IQOS ILUMA i ONE"));
        Assert.Equal(Families.Iqos3, Guide.FamilyOf("IQOS 3 DUO"));
        Assert.Null(Guide.FamilyOf("lil SOLID"));
        Assert.Null(Guide.FamilyOf(""));
    }

    [Fact]
    public void Different_step_counts_between_languages_stop_the_guide()
    {
        var sv = File(Families.Iluma, 2);
        var en = File(Families.Iluma, 1);
        var error = Assert.Throws<InvalidOperationException>(
            () => new TroubleshootingGuide(new() { ["sv"] = sv, ["en"] = en }));
        Assert.Contains("[reset, charge] in sv.json but [reset] in en.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_of_different_kinds_between_languages_stop_the_guide()
    {
        var sv = File(Families.Iluma, 2);
        var en = File(Families.Iluma, 2);
        sv.Symptoms[Symptoms.RedLight][Families.Iluma].Reverse();
        var error = Assert.Throws<InvalidOperationException>(
            () => new TroubleshootingGuide(new() { ["sv"] = sv, ["en"] = en }));
        Assert.Contains("[charge, reset] in sv.json but [reset, charge] in en.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("restart")]
    [InlineData("")]
    public void A_step_of_unknown_kind_stops_the_guide(string kind)
    {
        var sv = File(Families.Iluma, 1);
        sv.Symptoms[Symptoms.Stops][Families.Iluma][0] = new() { Kind = kind, Text = "Starta om", Source = "EU E5" };
        var error = Assert.Throws<InvalidOperationException>(
            () => new TroubleshootingGuide(new() { ["sv"] = sv, ["en"] = File(Families.Iluma, 1) }));
        Assert.Contains($"unknown kind '{kind}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_steps_of_one_kind_stop_the_guide()
    {
        var sv = File(Families.Iluma, 2);
        sv.Symptoms[Symptoms.Stops][Families.Iluma][1] = new() { Kind = StepKinds.Reset, Text = "Återställ igen", Source = "EU E5" };
        var error = Assert.Throws<InvalidOperationException>(
            () => new TroubleshootingGuide(new() { ["sv"] = sv, ["en"] = File(Families.Iluma, 2) }));
        Assert.Contains("two steps of kind 'reset'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_step_in_both_files_has_a_known_kind_and_the_same_kinds_in_both_languages()
    {
        foreach (var symptom in Symptoms.All)
        {
            foreach (var family in Families.All)
            {
                var sv = Guide.StepsWithKinds("sv", symptom, family);
                var en = Guide.StepsWithKinds("en", symptom, family);
                Assert.Equal(en.Select(step => step.Kind), sv.Select(step => step.Kind));
                Assert.All(sv, step => Assert.Contains(step.Kind, StepKinds.All));
            }
        }

        // The kinds say what the step is: the reset step is the reset.
        Assert.Contains("10", Guide.StepsWithKinds("sv", Symptoms.RedLight, Families.Iluma).Single(step => step.Kind == StepKinds.Reset).Text, StringComparison.Ordinal);
        Assert.Contains("cable", Guide.StepsWithKinds("en", Symptoms.NotCharging, Families.Iluma).Single(step => step.Kind == StepKinds.Cable).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_symptom_stops_the_guide()
    {
        var sv = File(Families.Iluma, 1);
        sv.Symptoms.Remove(Symptoms.Stops);
        var error = Assert.Throws<InvalidOperationException>(
            () => new TroubleshootingGuide(new() { ["sv"] = sv, ["en"] = File(Families.Iluma, 1) }));
        Assert.Contains("missing [stops]", error.Message, StringComparison.Ordinal);
    }

    private static TroubleshootingGuide.GuideFile File(string family, int steps)
        => new()
        {
            Models = [new() { Name = "IQOS ILUMA", Family = Families.Iluma }],
            Symptoms = Symptoms.All.ToDictionary(
                symptom => symptom,
                _ => Families.All.ToDictionary(
                    f => f,
                    f => Enumerable.Range(0, f == family ? steps : 0)
                        .Select(i => new TroubleshootingGuide.StepEntry { Kind = i == 0 ? StepKinds.Reset : StepKinds.Charge, Text = $"Step {i}", Source = "EU E5" })
                        .ToList())),
        };
}
