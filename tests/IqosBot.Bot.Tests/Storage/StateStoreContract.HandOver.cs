namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The state a turn saved, handed over to the conversation's next turn (<c>StateHandOver</c>): the same objects come
/// back once, and only while the row is still the one written with them; whatever changed the row since wins.
/// </summary>
public abstract partial class StateStoreContract
{
    [Fact]
    public async Task A_state_handed_over_comes_back_as_the_same_objects_once_and_then_from_the_row()
    {
        var storage = Open();
        var state = new Dictionary<string, object> { ["profile"] = new Profile { Email = "anna@example.com", Visits = 2 } };

        await storage.WriteAndHandOverAsync("conversation/1", state, CancellationToken.None);
        var first = await storage.ReadHandedOverAsync("conversation/1", CancellationToken.None);
        var second = await storage.ReadHandedOverAsync("conversation/1", CancellationToken.None);

        Assert.Same(state, first);
        var reread = Assert.IsType<Dictionary<string, object>>(second);
        Assert.NotSame(state, reread);
        Assert.Equal(2, Assert.IsType<Profile>(reread["profile"]).Visits);
        Assert.Equal("anna@example.com", Assert.IsType<Profile>(((Dictionary<string, object>)(await storage.ReadAsync(["conversation/1"]))["conversation/1"])["profile"]).Email);
    }

    [Fact]
    public async Task A_write_by_another_instance_after_the_hand_over_is_what_the_next_turn_reads()
    {
        var here = Open();
        var there = Open();
        await here.WriteAndHandOverAsync("conversation/1", new Dictionary<string, object> { ["step"] = "serial" }, CancellationToken.None);

        await there.WriteAsync(Changes("conversation/1", new Dictionary<string, object> { ["step"] = "e-mail" }));
        var read = Assert.IsType<Dictionary<string, object>>(await here.ReadHandedOverAsync("conversation/1", CancellationToken.None));

        Assert.Equal("e-mail", read["step"]);
    }

    [Fact]
    public async Task A_conversation_deleted_elsewhere_after_the_hand_over_reads_as_nothing()
    {
        var here = Open();
        await here.WriteAndHandOverAsync("conversation/1", new Dictionary<string, object> { ["email"] = "anna@example.com" }, CancellationToken.None);

        await Open().DeleteAsync(["conversation/1"]);

        Assert.Null(await here.ReadHandedOverAsync("conversation/1", CancellationToken.None));
        Assert.Empty(await here.ReadAsync(["conversation/1"]));
    }

    [Fact]
    public async Task Writing_or_deleting_the_key_on_the_same_store_drops_what_was_handed_over()
    {
        var storage = Open();
        await storage.WriteAndHandOverAsync("conversation/1", new Dictionary<string, object> { ["step"] = "serial" }, CancellationToken.None);
        await storage.WriteAsync(Changes("conversation/1", new Dictionary<string, object> { ["step"] = "date" }));
        Assert.Equal("date", Assert.IsType<Dictionary<string, object>>(await storage.ReadHandedOverAsync("conversation/1", CancellationToken.None))["step"]);

        await storage.WriteAndHandOverAsync("conversation/2", new Dictionary<string, object> { ["step"] = "serial" }, CancellationToken.None);
        await storage.DeleteAsync(["conversation/2"]);
        Assert.Null(await storage.ReadHandedOverAsync("conversation/2", CancellationToken.None));
    }

    [Fact]
    public async Task A_store_item_handed_over_carries_the_etag_it_was_written_with()
    {
        var storage = Open();
        var counter = new Counter { Count = 1 };

        await storage.WriteAndHandOverAsync("item", counter, CancellationToken.None);
        var taken = Assert.IsType<Counter>(await storage.ReadHandedOverAsync("item", CancellationToken.None));
        taken.Count = 2;
        await storage.WriteAsync(Changes("item", taken));

        Assert.Same(counter, taken);
        Assert.Equal(2, Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]).Count);
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(Changes("item", new Counter { Count = 9, ETag = "stale" })));
    }

    [Fact]
    public async Task Nothing_stored_reads_as_nothing()
    {
        Assert.Null(await Open().ReadHandedOverAsync("conversation/none", CancellationToken.None));
    }
}
