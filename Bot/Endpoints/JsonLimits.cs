namespace IqosBot.Endpoints;

/// <summary>How deep a JSON body from outside may nest: ASP.NET Core's default, far more than any activity or card needs.</summary>
public static class JsonLimits
{
    public const int MaxDepth = 64;
}
