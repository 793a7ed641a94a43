using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Understanding;
using IqosBot.Insights;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// The team leads' figures (CONTRACT.md, "Insights") computed from fixed conversations of one day: rates over the
/// conversations in which the customer wrote, ratings, what led to a person, intents, FAQ answers, funnels, queue
/// times and the questions the bot could not answer.
/// </summary>
public sealed class InsightsReportTests
{
    private static readonly string[] RegistrationSteps = ["started", "regSerial", "regDate", "regEmail", "regAge", "regConsent", "regSummary", "completed"];
    private static readonly string[] ClaimSteps = ["started", "claimSerial", "claimEmail", "addressStreet", "addressPostcode", "addressCity", "claimConfirmAddress", "completed"];

    [Fact]
    public void An_empty_range_has_no_conversations_no_rates_and_every_row_at_zero()
    {
        var figures = Report.Of();

        Assert.Equal("2026-01-15", figures.From);
        Assert.Equal("2026-01-15", figures.To);
        Assert.Null(figures.Language);
        Assert.Equal(0, figures.Conversations);
        Assert.Equal(0, figures.EngagedConversations);
        Assert.Null(figures.ContainmentRate);
        Assert.Null(figures.EscalationRate);
        Assert.Null(figures.AbandonmentRate);
        Assert.Null(figures.AverageRating);
        Assert.Equal([1, 2, 3, 4, 5], figures.Ratings.Select(rating => rating.Rating));
        Assert.All(figures.Ratings, rating => Assert.Equal(0, rating.Count));
        Assert.Equal(Enumerable.Range(0, 24), figures.VolumeByHour.Select(hour => hour.Hour));
        Assert.All(figures.VolumeByHour, hour => Assert.Equal((0, 0), (hour.Conversations, hour.OutsideOpeningHours)));
        Assert.Empty(figures.Escalations);
        Assert.Empty(figures.TopIntents);
        Assert.Empty(figures.FaqAnswers);
        Assert.Empty(figures.Unanswered);
        Assert.Equal(new HandoffCounts(0, 0, 0, 0, 0, 0), figures.Handoffs);
        Assert.Equal(new FallbackCounts(0, 0), figures.Fallbacks);
        Assert.Equal(new Percentiles(0, null, null, null, null), figures.QueueWait);
        Assert.Equal(new Percentiles(0, null, null, null, null), figures.HandlingTime);
        Assert.Equal(["registration", "claim"], figures.Funnels.Select(funnel => funnel.Journey));
        Assert.Equal(RegistrationSteps, Funnel(figures, "registration").Select(step => step.Step));
        Assert.Equal(ClaimSteps, Funnel(figures, "claim").Select(step => step.Step));
        Assert.All(figures.Funnels.SelectMany(funnel => funnel.Steps), step => Assert.Equal((0, 0), (step.Conversations, step.DropOff)));
    }

    [Fact]
    public void Conversations_whose_customer_wrote_nothing_are_counted_but_give_no_rate()
    {
        var figures = Report.Of(new Chat("welcome only", At(9)).Started(), new Chat("welcome only too", At(10)).Started());

        Assert.Equal(2, figures.Conversations);
        Assert.Equal(0, figures.EngagedConversations);
        Assert.Null(figures.ContainmentRate);
        Assert.Null(figures.EscalationRate);
        Assert.Null(figures.AbandonmentRate);
    }

    [Fact]
    public void The_language_is_that_of_the_customers_first_message()
    {
        var chats = new[]
        {
            // Welcomed in Swedish; the customer writes English.
            new Chat("welcomed-sv-writes-en", At(9)).Started().Says("RegisterDevice", inLanguage: CustomerLanguage.English).Says("WarrantyStatus"),
            new Chat("swedish", At(10)).Started().Says("RegisterDevice"),
            // Never wrote: the language it was welcomed in.
            new Chat("silent-en", At(11), CustomerLanguage.English).Started(),
        };

        var english = Report.For(new InsightQuery(Report.Day, Report.Day, CustomerLanguage.English), chats);
        var swedish = Report.For(new InsightQuery(Report.Day, Report.Day, CustomerLanguage.Swedish), chats);
        var all = Report.For(new InsightQuery(Report.Day, Report.Day, null), chats);

        Assert.Equal((2, 1), (english.Conversations, english.EngagedConversations));
        Assert.Equal("en", english.Language);
        Assert.Contains(new IntentCount("RegisterDevice", 1), english.TopIntents);
        Assert.Equal((1, 1), (swedish.Conversations, swedish.EngagedConversations));
        Assert.Equal("sv", swedish.Language);
        Assert.Equal([new IntentCount("RegisterDevice", 1)], swedish.TopIntents);
        Assert.Equal(3, all.Conversations);
        Assert.Equal(new IntentCount("RegisterDevice", 2), all.TopIntents[0]);
    }

    [Fact]
    public void Containment_escalation_and_abandonment_are_shares_of_the_conversations_in_which_the_customer_wrote()
    {
        var figures = Report.Of(
            // Not engaged: in no rate.
            new Chat("welcome only", At(8)).Started(),
            // Abandoned: a journey cancelled.
            new Chat("cancelled", At(9)).Started().Says("RegisterDevice").Journey(JourneyNames.Registration).Step(JourneyNames.Registration, "regSerial")
                .Says("Cancel", "rule:Leave").Ended(JourneyNames.Registration, JourneyOutcomes.Cancelled),
            // Abandoned: a journey started and never ended (the customer went quiet).
            new Chat("went quiet", At(10)).Started().Says("RegisterDevice").Journey(JourneyNames.Registration).Step(JourneyNames.Registration, "regSerial"),
            // Abandoned and escalated: asked for a person, then left the queue.
            new Chat("left queue", At(11)).Started().Says(Intents.HumanAgent, "rule:Person").Journey(JourneyNames.Handoff).HandoffRequested().Queued().LeftQueue(),
            // Escalated, not abandoned: left the queue once, came back, and an agent took the chat.
            new Chat("reached agent", At(12)).Started().Says(Intents.HumanAgent, "rule:Person").Journey(JourneyNames.Handoff).HandoffRequested().Queued().LeftQueue()
                .Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(20).Closed(100).Ended(JourneyNames.Handoff, JourneyOutcomes.Completed),
            // Escalated, not abandoned: out of hours, asked to be called back.
            new Chat("callback", At(13)).Started().Says(Intents.HumanAgent, "rule:Person").Journey(JourneyNames.Handoff).HandoffRequested().Callback(),
            // Escalated, not abandoned: the handoff journey left open is no unfinished journey.
            new Chat("handoff open", At(14)).Started().Says(Intents.HumanAgent, "rule:Person").Journey(JourneyNames.Handoff).HandoffRequested(),
            // Contained, not abandoned: a registration completed.
            new Chat("completed", At(15)).Started().Says("RegisterDevice").Journey(JourneyNames.Registration).Step(JourneyNames.Registration, "regSerial")
                .Answers().Ended(JourneyNames.Registration, JourneyOutcomes.Completed));

        Assert.Equal(8, figures.Conversations);
        Assert.Equal(7, figures.EngagedConversations);
        // Escalated: left queue, reached agent, callback, handoff open.
        Assert.Equal(4.0 / 7, figures.EscalationRate!.Value, 4);
        Assert.Equal(3.0 / 7, figures.ContainmentRate!.Value, 4);
        // Abandoned: cancelled, went quiet, left queue.
        Assert.Equal(3.0 / 7, figures.AbandonmentRate!.Value, 4);
    }

    /// <summary>
    /// A claim runs inside the broken-device journey: one the API sent to registration first has no end of its own,
    /// and a customer who then registered did not give up. The broken-device journey's end says how it went.
    /// </summary>
    [Fact]
    public void A_claim_inside_a_finished_broken_device_journey_is_no_unfinished_journey()
    {
        var figures = Report.Of(
            new Chat("sent to register", At(9)).Started().Says("DeviceBroken").Journey(JourneyNames.Broken).Journey(JourneyNames.Claim)
                .Step(JourneyNames.Broken, "claimSerial").Answers().Journey(JourneyNames.Registration).Answers()
                .Ended(JourneyNames.Registration, JourneyOutcomes.Completed).Ended(JourneyNames.Broken, JourneyOutcomes.Ended),
            new Chat("quiet in the claim", At(10)).Started().Says("DeviceBroken").Journey(JourneyNames.Broken).Journey(JourneyNames.Claim)
                .Step(JourneyNames.Broken, "claimSerial"));

        Assert.Equal(0.5, figures.AbandonmentRate);
    }

    [Theory]
    [InlineData("left the queue", 1.0)]
    [InlineData("reached a person after leaving the queue", 0.0)]
    [InlineData("cancelled", 1.0)]
    [InlineData("cancelled then called back", 0.0)]
    [InlineData("quiet mid-journey", 1.0)]
    [InlineData("quiet mid-journey then an agent", 0.0)]
    [InlineData("completed", 0.0)]
    [InlineData("refused", 0.0)]
    [InlineData("handoff journey never ended", 0.0)]
    [InlineData("a second registration left open", 1.0)]
    public void Abandonment_is_giving_up_without_reaching_a_person(string story, double abandonment)
    {
        var chat = new Chat(story, At(10)).Started().Says("RegisterDevice");
        _ = story switch
        {
            "left the queue" => chat.Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().LeftQueue(),
            "reached a person after leaving the queue" => chat.Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().LeftQueue().Queued().Accepted(5),
            "cancelled" => chat.Journey(JourneyNames.Registration).Ended(JourneyNames.Registration, JourneyOutcomes.Cancelled),
            "cancelled then called back" => chat.Journey(JourneyNames.Registration).Ended(JourneyNames.Registration, JourneyOutcomes.Cancelled)
                .Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Callback(),
            "quiet mid-journey" => chat.Journey(JourneyNames.Warranty).Step(JourneyNames.Warranty, "warrantySerial"),
            "quiet mid-journey then an agent" => chat.Journey(JourneyNames.Broken).Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(5),
            "completed" => chat.Journey(JourneyNames.Registration).Ended(JourneyNames.Registration, JourneyOutcomes.Completed),
            "refused" => chat.Journey(JourneyNames.Registration).Ended(JourneyNames.Registration, JourneyOutcomes.Refused),
            "handoff journey never ended" => chat.Journey(JourneyNames.Handoff).HandoffRequested(),
            "a second registration left open" => chat.Journey(JourneyNames.Registration).Ended(JourneyNames.Registration, JourneyOutcomes.Completed)
                .Says("RegisterDevice").Journey(JourneyNames.Registration).Step(JourneyNames.Registration, "regSerial"),
            _ => throw new ArgumentOutOfRangeException(nameof(story)),
        };

        var figures = Report.Of(chat);

        Assert.Equal(abandonment, figures.AbandonmentRate);
    }

    [Fact]
    public void What_led_to_a_person_is_read_from_what_came_just_before_the_request()
    {
        var figures = Report.Of(
            new Chat("asked", At(9)).Started().Says(Intents.HumanAgent, "rule:Person").Journey(JourneyNames.Handoff).HandoffRequested(),
            new Chat("asked by the recognizer", At(9, 30)).Started().NotUnderstood().Says(Intents.HumanAgent).Journey(JourneyNames.Handoff).HandoffRequested(),
            new Chat("not helped", At(10)).Started().Says("FaqBenefits").FaqAnswer("FaqBenefits").Answers().FaqFeedback("FaqBenefits", InsightKinds.NotHelped)
                .Answers().Journey(JourneyNames.Handoff).HandoffRequested(),
            new Chat("api failed", At(11)).Started().Says("RegisterDevice").Journey(JourneyNames.Registration).Answers()
                .Ended(JourneyNames.Registration, JourneyOutcomes.Failed).Answers().Journey(JourneyNames.Handoff).HandoffRequested(),
            new Chat("not understood", At(12)).Started().NotUnderstood().NotUnderstood().Answers().Journey(JourneyNames.Handoff).HandoffRequested(),
            new Chat("offered", At(13)).Started().Says("RegisterDevice").Journey(JourneyNames.Registration).Step(JourneyNames.Registration, "regSerial")
                .Answers().Answers().Ended(JourneyNames.Registration, JourneyOutcomes.HandedOver).Journey(JourneyNames.Handoff).HandoffRequested());

        Assert.Equal(
            new Dictionary<string, int> { ["asked"] = 2, ["answer_not_helped"] = 1, ["api_failure"] = 1, ["not_understood"] = 1, ["offered"] = 1 },
            figures.Escalations.ToDictionary(row => row.Trigger, row => row.Count));
        Assert.Equal(new EscalationCount("asked", 2), figures.Escalations[0]);
        Assert.Equal(6, figures.Handoffs.Requested);
    }

    [Theory]
    [InlineData(new[] { "not_understood", "asked" }, "asked")]
    [InlineData(new[] { "asked", "not_helped" }, "answer_not_helped")]
    [InlineData(new[] { "not_helped", "failed" }, "api_failure")]
    [InlineData(new[] { "failed", "not_understood" }, "not_understood")]
    [InlineData(new[] { "did_you_mean", "prompt", "person" }, "offered")]
    [InlineData(new string[0], "offered")]
    public void The_nearest_sign_before_the_request_decides_the_trigger(string[] before, string trigger)
    {
        var chat = new Chat("one", At(10)).Started();
        foreach (var sign in before)
        {
            _ = sign switch
            {
                "asked" => chat.Says(Intents.HumanAgent, "rule:Person"),
                "not_helped" => chat.FaqAnswer("FaqBenefits").FaqFeedback("FaqBenefits", InsightKinds.NotHelped),
                "failed" => chat.Journey(JourneyNames.Warranty).Ended(JourneyNames.Warranty, JourneyOutcomes.Failed),
                "not_understood" => chat.NotUnderstood(),
                "did_you_mean" => chat.DidYouMean(),
                "prompt" => chat.Answers(),
                "person" => chat.Says("Message", RecognizerTrace.ByPerson),
                _ => throw new ArgumentOutOfRangeException(nameof(before)),
            };
        }

        chat.HandoffRequested();

        Assert.Equal(trigger, EscalationTriggers.Before(chat.Events, chat.Events.Count - 1));
        Assert.Equal([new EscalationCount(trigger, 1)], Report.Of(chat).Escalations);
    }

    [Fact]
    public void A_trigger_is_not_guessed_from_long_before_the_request()
    {
        // Not understood at first; then a whole registration, until the bot offered a person after unusable answers.
        var chat = new Chat("long ago", At(10)).Started().NotUnderstood().Says("RegisterDevice").Journey(JourneyNames.Registration);
        foreach (var step in RegistrationSteps[1..^1])
        {
            chat.Step(JourneyNames.Registration, step).Answers();
        }

        chat.Answers().Answers().Ended(JourneyNames.Registration, JourneyOutcomes.HandedOver).Journey(JourneyNames.Handoff).HandoffRequested();

        Assert.Equal(EscalationTriggers.Offered, EscalationTriggers.Before(chat.Events, chat.Events.Count - 1));
        Assert.Equal([new EscalationCount("offered", 1)], Report.Of(chat).Escalations);
    }

    [Fact]
    public void Each_request_for_a_person_has_its_own_trigger()
    {
        var twice = new Chat("twice", At(10)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(10).Closed(60)
            .Says("FaqBenefits").FaqAnswer("FaqBenefits").FaqFeedback("FaqBenefits", InsightKinds.NotHelped).Answers().HandoffRequested();
        // The customer's own request belongs to the first; the second came from an offer.
        var again = new Chat("again", At(11)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().LeftQueue()
            .Answers().HandoffRequested();

        Assert.Equal(
            new Dictionary<string, int> { ["asked"] = 2, ["answer_not_helped"] = 1, ["offered"] = 1 },
            Report.Of(twice, again).Escalations.ToDictionary(row => row.Trigger, row => row.Count));
    }

    [Fact]
    public void The_average_rating_and_the_distribution_count_ratings_1_to_5_only()
    {
        var figures = Report.Of(
            new Chat("a", At(9)).Started().Rating(1),
            new Chat("b", At(10)).Started().Rating(2),
            new Chat("c", At(11)).Started().Rating(2),
            new Chat("d", At(12)).Started().Rating(4).Rating(5),
            new Chat("out of range", At(13)).Started().Rating(0).Rating(6).Rating(-1).Rating(null));

        Assert.Equal((1 + 2 + 2 + 4 + 5) / 5.0, figures.AverageRating);
        Assert.Equal([(1, 1), (2, 2), (3, 0), (4, 1), (5, 1)], figures.Ratings.Select(row => (row.Rating, row.Count)));
    }

    [Theory]
    [InlineData(new[] { 5, 4, 4 }, 4.33)]
    [InlineData(new[] { 5, 5, 4 }, 4.67)]
    [InlineData(new[] { 1, 2 }, 1.5)]
    public void The_average_rating_is_rounded_to_two_decimals(int[] ratings, double average)
    {
        var chats = ratings.Select((rating, i) => new Chat($"rated {i}", At(9 + i)).Started().Rating(rating)).ToArray();

        Assert.Equal(average, Report.Of(chats).AverageRating);
    }

    [Fact]
    public void Top_intents_count_what_the_recognizer_or_a_rule_decided_only()
    {
        var figures = Report.Of(
            new Chat("a", At(9)).Started().Says("RegisterDevice").Says("RegisterDevice").Answers().Answers().Answers(),
            new Chat("b", At(10)).Started().Says("RegisterDevice").Says(Intents.HumanAgent, "rule:Person").Says("Message", RecognizerTrace.ByPerson)
                .Says("WarrantyStatus", RecognizerTrace.ByPrompt),
            new Chat("c", At(11)).Started().NotUnderstood().NotUnderstood().DidYouMean().Says("Cancel", "rule:Leave"));

        Assert.Equal(
            [new IntentCount("RegisterDevice", 3), new IntentCount("Cancel", 1), new IntentCount(Intents.HumanAgent, 1)],
            figures.TopIntents.OrderByDescending(row => row.Count).ThenBy(row => row.Intent, StringComparer.Ordinal));
        Assert.Equal(new IntentCount("RegisterDevice", 3), figures.TopIntents[0]);
    }

    [Fact]
    public void Top_intents_show_the_fifteen_most_acted_on_most_first()
    {
        var chat = new Chat("many", At(9)).Started();
        for (var intent = 1; intent <= 20; intent++)
        {
            for (var times = 0; times < intent; times++)
            {
                chat.Says($"Intent{intent:00}");
            }
        }

        var top = Report.Of(chat).TopIntents;

        Assert.Equal(Enumerable.Range(6, 15).Reverse().Select(intent => new IntentCount($"Intent{intent:00}", intent)), top);
    }

    [Fact]
    public void Faq_answers_count_shown_helped_and_not_helped_per_answer()
    {
        var figures = Report.Of(
            new Chat("a", At(9)).Started().Says("FaqBenefits").FaqAnswer("FaqBenefits").Answers().FaqFeedback("FaqBenefits", InsightKinds.Helped),
            new Chat("b", At(10)).Started().Says("FaqBenefits").FaqAnswer("FaqBenefits").Answers().FaqFeedback("FaqBenefits", InsightKinds.NotHelped)
                .Says("FaqOpeningHours").FaqAnswer("FaqOpeningHours"),
            new Chat("c", At(11)).Started().Says("FaqBenefits").FaqAnswer("FaqBenefits"));

        Assert.Equal(
            [new FaqAnswerFigures("FaqBenefits", 3, 1, 1), new FaqAnswerFigures("FaqOpeningHours", 1, 0, 0)],
            figures.FaqAnswers.OrderBy(answer => answer.Answer, StringComparer.Ordinal));
    }

    [Fact]
    public void The_registration_funnel_counts_the_steps_reached_and_where_customers_stopped()
    {
        const string Registration = JourneyNames.Registration;
        var figures = Report.Of(
            new Chat("stopped at e-mail", At(9)).Started().Says("RegisterDevice").Journey(Registration)
                .Step(Registration, "regSerial").Answers().Step(Registration, "regDate").Answers().Step(Registration, "regEmail"),
            new Chat("completed", At(10)).Started().Says("RegisterDevice").Journey(Registration)
                .Step(Registration, "regSerial").Answers().Step(Registration, "regDate").Answers().Step(Registration, "regEmail").Answers()
                .Step(Registration, "regAge").Answers().Step(Registration, "regConsent").Answers().Step(Registration, "regSummary").Answers()
                .Ended(Registration, JourneyOutcomes.Completed),
            // The serial was known from earlier in the conversation: no serial question, yet counted at every later step.
            new Chat("serial known", At(11)).Started().Says("RegisterDevice").Journey(Registration)
                .Step(Registration, "regDate").Answers().Step(Registration, "regEmail").Answers()
                .Step(Registration, "regAge").Answers().Step(Registration, "regConsent").Answers().Step(Registration, "regSummary").Answers()
                .Ended(Registration, JourneyOutcomes.Completed),
            new Chat("no registration", At(12)).Started().Says("WarrantyStatus").Journey(JourneyNames.Warranty).Ended(JourneyNames.Warranty, JourneyOutcomes.Completed));

        var steps = Funnel(figures, "registration").ToDictionary(step => step.Step, step => (step.Conversations, step.DropOff));

        Assert.Equal((3, 0), steps["started"]);
        Assert.Equal((2, 0), steps["regSerial"]);
        Assert.Equal((3, 0), steps["regDate"]);
        Assert.Equal((3, 1), steps["regEmail"]);
        Assert.Equal((2, 0), steps["regAge"]);
        Assert.Equal((2, 0), steps["regConsent"]);
        Assert.Equal((2, 0), steps["regSummary"]);
        // Nobody goes further than "completed": its drop-off is everyone who completed (the page shows none there).
        Assert.Equal((2, 2), steps["completed"]);
        // The completed ones dropped off at no step on the way.
        Assert.Equal(1, RegistrationSteps[..^1].Sum(step => steps[step].DropOff));
        Assert.All(Funnel(figures, "claim"), step => Assert.Equal((0, 0), (step.Conversations, step.DropOff)));
    }

    [Fact]
    public void The_claim_funnel_is_its_own_journey_inside_the_broken_device_journey()
    {
        const string Claim = JourneyNames.Claim;
        var figures = Report.Of(
            new Chat("claimed", At(9)).Started().Says("BrokenDevice").Journey(JourneyNames.Broken).Answers().Journey(Claim)
                .Step(Claim, "claimSerial").Answers().Step(Claim, "claimEmail").Answers().Step(Claim, "addressStreet").Answers()
                .Step(Claim, "addressPostcode").Answers().Step(Claim, "addressCity").Answers().Step(Claim, "claimConfirmAddress").Answers()
                .Ended(Claim, JourneyOutcomes.Completed).Ended(JourneyNames.Broken, JourneyOutcomes.Completed),
            new Chat("stopped at the street", At(10)).Started().Says("BrokenDevice").Journey(JourneyNames.Broken).Answers().Journey(Claim)
                .Step(Claim, "claimSerial").Answers().Step(Claim, "claimEmail").Answers().Step(Claim, "addressStreet"),
            // Troubleshooting fixed it: the broken-device journey completed, no claim.
            new Chat("solved", At(11)).Started().Says("BrokenDevice").Journey(JourneyNames.Broken).Answers().Ended(JourneyNames.Broken, JourneyOutcomes.Solved),
            // A completed registration is no completed claim.
            new Chat("registered, claim left", At(12)).Started().Says("RegisterDevice").Journey(JourneyNames.Registration)
                .Ended(JourneyNames.Registration, JourneyOutcomes.Completed).Says("BrokenDevice").Journey(Claim).Step(Claim, "claimSerial"));

        var steps = Funnel(figures, "claim").ToDictionary(step => step.Step, step => (step.Conversations, step.DropOff));

        Assert.Equal((3, 0), steps["started"]);
        Assert.Equal((3, 1), steps["claimSerial"]);
        Assert.Equal((2, 0), steps["claimEmail"]);
        Assert.Equal((2, 1), steps["addressStreet"]);
        Assert.Equal((1, 0), steps["addressPostcode"]);
        Assert.Equal((1, 0), steps["claimConfirmAddress"]);
        Assert.Equal(1, steps["completed"].Conversations);
        Assert.Equal((1, 0), Funnel(figures, "registration").Where(step => step.Step is "started").Select(step => (step.Conversations, step.DropOff)).Single());
    }

    [Fact]
    public void Queue_wait_and_handling_time_are_nearest_rank_percentiles_in_seconds()
    {
        var figures = Report.Of(
            new Chat("a", At(9)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(30).Closed(100),
            new Chat("b", At(10)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(10).Closed(50),
            new Chat("c", At(11)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(40),
            new Chat("d", At(12)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(20),
            // Closed before an agent took it: no handling time.
            new Chat("e", At(13)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Closed(null));

        Assert.Equal(new Percentiles(4, 20, 40, 40, 40), figures.QueueWait);
        Assert.Equal(new Percentiles(2, 50, 100, 100, 100), figures.HandlingTime);
        Assert.Equal(new HandoffCounts(5, 5, 4, 3, 0, 0), figures.Handoffs);
    }

    [Fact]
    public void Queue_wait_and_handling_time_are_null_without_any()
    {
        var figures = Report.Of(new Chat("callback", At(20)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Callback());

        Assert.Equal(new Percentiles(0, null, null, null, null), figures.QueueWait);
        Assert.Equal(new Percentiles(0, null, null, null, null), figures.HandlingTime);
        Assert.Equal(new HandoffCounts(1, 0, 0, 0, 1, 0), figures.Handoffs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Percentiles_are_the_nearest_rank(int count)
    {
        // Seconds 1..count, shuffled: the value at rank r is r.
        var values = Enumerable.Range(1, count).Select(i => (double)i).OrderBy(value => (value * 7919) % count).ToList();

        var percentiles = Percentiles.Of(values);

        // Nearest rank: the smallest value with at least p% of the values at or below it, rank = ceil(p·n / 100).
        static double Rank(int percent, int n) => (percent * n + 99) / 100;
        Assert.Equal(new Percentiles(count, Rank(50, count), Rank(90, count), Rank(95, count), count), percentiles);
    }

    [Fact]
    public void Handoffs_and_fallbacks_are_counted_per_event()
    {
        var figures = Report.Of(
            new Chat("a", At(9)).Started().NotUnderstood().NotUnderstood().DidYouMean().Says(Intents.HumanAgent, "rule:Person")
                .HandoffRequested().Queued().LeftQueue().HandoffRequested().Callback(),
            new Chat("b", At(10)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(12).Closed(34));

        Assert.Equal(new HandoffCounts(3, 2, 1, 1, 1, 1), figures.Handoffs);
        Assert.Equal(new FallbackCounts(2, 1), figures.Fallbacks);
    }

    [Fact]
    public void Unanswered_messages_are_shown_for_the_conversations_of_the_range_and_language_only()
    {
        var swedish = new Chat("swedish", At(9)).Started().NotUnderstood();
        var english = new Chat("english", At(10), CustomerLanguage.English).Started().NotUnderstood();
        var yesterday = new Chat("yesterday", Stockholm.Local(2026, 1, 14, 23, 50)).Started().At(Stockholm.Local(2026, 1, 15, 0, 5)).NotUnderstood();
        var messages = new[]
        {
            swedish.Unanswered("har ni öppet på julafton?"),
            swedish.Unanswered("öppet julafton??"),
            english.Unanswered("are you open on christmas eve?"),
            yesterday.Unanswered("Har ni öppet på julafton"),
        };
        var chats = new[] { swedish, english, yesterday };

        var all = Report.For(new InsightQuery(Report.Day, Report.Day, null), chats, messages);
        var onlySwedish = Report.For(new InsightQuery(Report.Day, Report.Day, CustomerLanguage.Swedish), chats, messages);

        Assert.Equal(3, all.Unanswered.Sum(group => group.Count));
        Assert.DoesNotContain(all.Unanswered.SelectMany(group => group.Examples), example => example.Text == "Har ni öppet på julafton");
        var julafton = Assert.Single(onlySwedish.Unanswered);
        Assert.Equal(["öppet julafton??", "har ni öppet på julafton?"], julafton.Examples.Select(example => example.Text));
        Assert.Equal(2, julafton.Count);
    }

    private static IReadOnlyList<FunnelStep> Funnel(InsightFigures figures, string journey)
        => Assert.Single(figures.Funnels, funnel => funnel.Journey == journey).Steps;

    private static DateTimeOffset At(int hour, int minute = 0) => Stockholm.Local(2026, 1, 15, hour, minute);
}
