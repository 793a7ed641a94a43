using System.Reflection;
using IqosBot.Dialogs.Engine;

namespace IqosBot.DialogEngine.Tests.Boundary;

/// <summary>
/// The engine depends on nothing of the product (issue #13), so that it can be tested, and one day replaced
/// by Microsoft.Bot.Builder.Dialogs, on its own. These checks keep that from eroding silently.
/// </summary>
public sealed class EngineBoundaryTests
{
    private static readonly Assembly Engine = typeof(Dialog).Assembly;

    [Fact]
    public void The_engine_assembly_references_no_IqosBot_assembly()
    {
        var references = Engine.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.Equal("IqosBot.DialogEngine", Engine.GetName().Name);
        Assert.DoesNotContain(references, IsProduct);

        // Not vacuous: the SDK the engine is built on is there.
        Assert.Contains("Microsoft.Bot.Builder", references);
    }

    [Fact]
    public void The_engine_references_only_the_runtime_the_Bot_Framework_SDK_and_Newtonsoft_Json()
    {
        var unexpected = Engine.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal)
                             || name is "netstandard" or "mscorlib" or "Newtonsoft.Json"
                             || name.StartsWith("Microsoft.Bot.", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(unexpected);
    }

    [Fact]
    public void Every_public_engine_type_is_in_the_three_engine_namespaces()
    {
        string[] namespaces = ["IqosBot.Dialogs.Engine", "IqosBot.Dialogs.Prompts", "IqosBot.Dialogs.Choices"];

        var elsewhere = Engine.GetExportedTypes().Where(type => !namespaces.Contains(type.Namespace)).Select(type => type.FullName).ToList();

        Assert.Empty(elsewhere);
    }

    [Fact]
    public void These_tests_reference_the_engine_and_no_other_IqosBot_assembly()
    {
        var product = typeof(EngineBoundaryTests).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => IsProduct(name) && name != "IqosBot.DialogEngine")
            .ToList();

        Assert.Empty(product);
    }

    private static bool IsProduct(string assemblyName)
        => assemblyName == "IqosBot" || assemblyName.StartsWith("IqosBot.", StringComparison.Ordinal);
}
