using IqosBot.Conversations;

namespace IqosBot.Bot.Tests.Conversations;

/// <summary>
/// The turn lock the Direct Line runner holds while it runs several turns of a conversation in a row: the turns
/// take it again without waiting for themselves, and nothing the runner leaves behind keeps holding it.
/// </summary>
public sealed class ConversationLocksTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_turn_run_while_the_lock_is_held_for_it_takes_the_lock_again_without_waiting_for_itself()
    {
        var locks = new ConversationLocks();
        var turnsRun = 0;

        await locks.RunExclusiveAsync("directline/c1", async () =>
        {
            for (var turn = 0; turn < 3; turn++)
            {
                using var held = await locks.AcquireAsync("directline/c1", CancellationToken.None).WaitAsync(Generous);
                turnsRun++;
            }
        }, CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(3, turnsRun);
    }

    [Fact]
    public async Task While_one_caller_runs_turns_of_a_conversation_another_waits_for_them_and_other_conversations_do_not()
    {
        var locks = new ConversationLocks();
        var inside = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var running = locks.RunExclusiveAsync("directline/c1", async () =>
        {
            inside.SetResult();
            await finish.Task;
        }, CancellationToken.None);
        await inside.Task.WaitAsync(Generous);

        var sameConversation = locks.AcquireAsync("directline/c1", CancellationToken.None);
        using (await locks.AcquireAsync("directline/c2", CancellationToken.None).WaitAsync(Generous))
        {
            Assert.False(sameConversation.IsCompleted);
        }

        finish.SetResult();
        await running.WaitAsync(Generous);
        (await sameConversation.WaitAsync(Generous)).Dispose();
    }

    [Fact]
    public async Task Work_the_runner_left_running_waits_like_anyone_else_once_the_runner_is_done()
    {
        var locks = new ConversationLocks();
        var go = new TaskCompletionSource();
        Task<IDisposable> leftBehind = null!;
        await locks.RunExclusiveAsync("directline/c1", () =>
        {
            leftBehind = Task.Run(async () =>
            {
                await go.Task;
                return await locks.AcquireAsync("directline/c1", CancellationToken.None);
            });
            return Task.CompletedTask;
        }, CancellationToken.None).WaitAsync(Generous);

        var someoneElse = await locks.AcquireAsync("directline/c1", CancellationToken.None).WaitAsync(Generous);
        go.SetResult();
        var finishedFirst = await Task.WhenAny(leftBehind, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(leftBehind, finishedFirst);

        someoneElse.Dispose();
        (await leftBehind.WaitAsync(Generous)).Dispose();
    }
}
