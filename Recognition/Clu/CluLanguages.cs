namespace IqosBot.Recognition.Clu;

/// <summary>The language codes CLU is given, the same in the project file and in every query.</summary>
public static class CluLanguages
{
    public static string For(string language) => language switch
    {
        "sv" => "sv",
        "en" => "en-us",
        _ => language,
    };
}
