namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// Where the solution's build put a project's program: its own <c>bin/&lt;Configuration&gt;/&lt;framework&gt;</c>
/// folder, built in the same configuration as these tests (building the test project builds every project it
/// references there), so a child process runs exactly what `dotnet run --project` would.
/// </summary>
internal static class BuildOutput
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The dll of <paramref name="assemblyName"/> in the output folder of the project in <paramref name="projectFolder"/>.</summary>
    public static string Program(string projectFolder, string assemblyName)
    {
        // The tests run from tests/IqosBot.Bot.Tests/bin/<Configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, projectFolder, "bin", configuration, framework.Name, assemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution (dotnet build IqosBot.sln) before running these tests.", dll);
        }

        return dll;
    }

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "IqosBot.sln")))
        {
            folder = folder.Parent ?? throw new DirectoryNotFoundException("No IqosBot.sln above " + AppContext.BaseDirectory);
        }

        return folder.FullName;
    }
}
