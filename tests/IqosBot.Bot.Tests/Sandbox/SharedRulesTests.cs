using IqosBot.Dialogs.Understanding;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>
/// The dialogs and the sandbox read serials and e-mail addresses by the contract's one set of rules
/// (Benefits.Contract): what a customer's message gives the dialogs, the sandbox matches and accepts.
/// </summary>
public sealed class SharedRulesTests : SandboxTest
{
    [Theory]
    [InlineData("anna(work)@example.com")]
    [InlineData("anna..svensson@example.com")]
    [InlineData("Anna.Svensson@Example.SE")]
    public async Task An_address_the_dialogs_accept_is_registered(string address)
    {
        Assert.Equal(address, EmailAddress.Find("min mejl är " + address));

        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", address, "2025-06-01"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal(1, SandboxDb.Accounts(Host.DatabasePath, address.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("ILP1\u2013A2B3\u2013C4D5")]
    [InlineData("ilp1\tA2B3\u00a0c4d5")]
    public async Task A_serial_the_dialogs_would_normalize_the_same_is_the_same_device(string typed)
    {
        Assert.Equal("ILP1A2B3C4D5", SerialNumber.Normalize(typed));

        var reply = await Host.CheckSerialAsync(typed);

        Assert.Equal("""{"known":true,"model":"IQOS ILUMA PRIME"}""", reply.Body);
    }
}
