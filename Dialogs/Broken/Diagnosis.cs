using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Broken;

/// <summary>The journey's findings in words: on the receipt, in the claim, and for the agent when claims go to people.</summary>
public static class Diagnosis
{
    public static string Symptom(string? symptom, string language) => Texts.Get(language, symptom switch
    {
        Symptoms.RedLight => TextKey.BrokenSymptomRedLight,
        Symptoms.WhiteBlinking => TextKey.BrokenSymptomWhiteBlinking,
        Symptoms.NotHeating => TextKey.BrokenSymptomNotHeating,
        Symptoms.NotCharging => TextKey.BrokenSymptomNotCharging,
        Symptoms.Stops => TextKey.BrokenSymptomStops,
        Symptoms.StickStuck => TextKey.BrokenSymptomStickStuck,
        Accidents.Dropped => TextKey.BrokenSymptomDropped,
        Accidents.Liquid => TextKey.BrokenSymptomLiquid,
        Accidents.Cracked => TextKey.BrokenSymptomCracked,
        _ => TextKey.BrokenSymptomOther,
    });

    /// <summary>"IQOS ILUMA i: red light; 2 troubleshooting steps tried" — for the claim and the agent, in the customer's language.</summary>
    public static string Describe(BrokenDeviceForm form, string language)
    {
        ArgumentNullException.ThrowIfNull(form);
        var model = form.ModelName is null or BrokenDeviceDialog.UnknownModel ? "IQOS" : form.ModelName;
        var steps = form.StepsTried > 0 ? $"; {Texts.Format(language, TextKey.BrokenStepsTried, form.StepsTried)}" : string.Empty;
        return $"{model}: {Symptom(form.Symptom, language)}{steps}";
    }
}
