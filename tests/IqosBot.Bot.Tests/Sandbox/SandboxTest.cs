namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>A fresh sandbox for every test (xUnit makes one instance per test), freshly seeded, clock at <see cref="SandboxHost.DefaultNow"/>.</summary>
public abstract class SandboxTest : IAsyncLifetime
{
    protected const string Demo = "demo@example.com";
    protected const string SomeoneElse = "someone.else@example.com";

    protected SandboxFolder Folder { get; } = new();

    protected SandboxHost Host { get; private set; } = null!;

    /// <summary>Where the sandbox's clock is stopped.</summary>
    protected virtual DateTimeOffset Now => SandboxHost.DefaultNow;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync(Folder.Path, Now);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Folder.Dispose();
    }

    /// <summary>A problem+json reply with this status and code, whose detail echoes no e-mail address.</summary>
    protected static void AssertProblem(SandboxReply reply, int status, string code)
    {
        Assert.Equal(status, (int)reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(code, reply.Code);
        Assert.Equal(status, reply.Json.GetProperty("status").GetInt32());
        Assert.Equal("https://benefits.example.com/problems/" + code, reply.Json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("title").GetString()));
        Assert.DoesNotContain("@", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
