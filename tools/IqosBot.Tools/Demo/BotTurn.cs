using System.Text.RegularExpressions;
using IqosBot.Dialogs.Resources;

namespace IqosBot.Tools.Demo;

/// <summary>
/// What the bot said in answer to one customer message, read the way a customer reads it: what it asks now
/// (<see cref="Ask"/>) and what it says has happened (<see cref="Has"/>). The bot's sentences come from its own
/// resources (<see cref="Texts"/>) in both languages, so the player follows wording changes instead of breaking on them;
/// a text with placeholders is recognised by its longest fixed part.
/// </summary>
internal sealed partial class BotTurn
{
    private static readonly string[] Languages = ["sv", "en"];

    private static readonly (BotAsk Ask, string[] Markers)[] Questions = Build<BotAsk>(
    [
        (BotAsk.Rest, [TextKey.MenuPrompt, TextKey.AnythingElse, TextKey.FaqNoPerson, TextKey.FaqGlad, TextKey.BrokenSolved, TextKey.RatingThanks,
            TextKey.HandoffLeftQueue, TextKey.HandoffCustomerEnded, TextKey.HandoffEmail, TextKey.HandoffCallbackBooked, TextKey.HandoffCallbackBookedNoTime,
            TextKey.HandoffCallbackNotSaved, TextKey.BrokenRetryLater, TextKey.InterruptionCancelled]),
        (BotAsk.Fallback, [TextKey.Fallback]),
        (BotAsk.DidYouMean, [TextKey.DisambiguationPrompt]),
        (BotAsk.DidThisHelp, [TextKey.FaqDidThisHelp]),
        (BotAsk.OfferPerson, [TextKey.OfferPersonPrompt, TextKey.FaqOfferPerson]),
        (BotAsk.SwitchConfirm, [TextKey.ListenSwitchConfirm]),
        (BotAsk.RegSerial, [TextKey.RegSerialPrompt]),
        (BotAsk.RegDate, [TextKey.RegDatePrompt]),
        (BotAsk.RegEmail, [TextKey.RegEmailPrompt]),
        (BotAsk.RegAge, [TextKey.RegAgePrompt]),
        (BotAsk.RegConsent, [TextKey.RegConsentPrompt]),
        (BotAsk.RegSummary, [TextKey.RegSummaryTitle, TextKey.RegSummaryRetry]),
        (BotAsk.WarSerial, [TextKey.WarSerialPrompt]),
        (BotAsk.WarEmail, [TextKey.WarEmailPrompt]),
        (BotAsk.RegisterNow, [TextKey.WarNotRegistered, TextKey.BrokenNotRegistered]),
        (BotAsk.BrokenWhatHappened, [TextKey.BrokenWhatHappened]),
        (BotAsk.BrokenAccidentKind, [TextKey.BrokenAccidentKind]),
        (BotAsk.BrokenModel, [TextKey.BrokenWhichModel]),
        (BotAsk.BrokenDidThatHelp, [TextKey.BrokenDidThatHelp]),
        (BotAsk.ClaimSerial, [TextKey.BrokenClaimSerialPrompt]),
        (BotAsk.ClaimEmail, [TextKey.BrokenClaimEmailPrompt]),
        (BotAsk.ClaimStreet, [TextKey.BrokenEligible, TextKey.BrokenEligibleAbroad, TextKey.BrokenAddressAgain, TextKey.BrokenStreetInvalid]),
        (BotAsk.ClaimPostcode, [TextKey.BrokenPostcodePrompt, TextKey.BrokenPostcodeInvalid]),
        (BotAsk.ClaimCity, [TextKey.BrokenCityPrompt, TextKey.BrokenCityInvalid]),
        (BotAsk.ClaimConfirmAddress, [TextKey.BrokenConfirmAddress]),
        (BotAsk.ClaimRetry, [TextKey.BrokenRetryPrompt]),
        (BotAsk.HandoffDescribe, [TextKey.HandoffDescribePrompt]),
        (BotAsk.Queued, [TextKey.HandoffQueued, TextKey.HandoffRequested, TextKey.HandoffQueuePosition, TextKey.HandoffStillWaiting, TextKey.HandoffBackInQueue]),
        (BotAsk.ClosedOptions, [TextKey.HandoffClosedOptions]),
        (BotAsk.CallbackPhone, [TextKey.HandoffCallbackPhone, TextKey.HandoffCallbackPhoneRetry]),
        (BotAsk.CallbackConsent, [TextKey.HandoffCallbackConsent]),
        (BotAsk.Rating, [TextKey.RatingPrompt]),
        (BotAsk.RatingComment, [TextKey.RatingCommentPrompt]),
    ]);

    private static readonly (BotNews News, string[] Markers)[] Reports = Build<BotNews>(
    [
        (BotNews.Registered, [TextKey.RegReceiptTitle]),
        (BotNews.AlreadyRegistered, [TextKey.RegAlreadyTitle]),
        (BotNews.OtherAccount, [TextKey.RegOtherAccount]),
        (BotNews.AdultsOnly, [TextKey.RegUnderAge, TextKey.ListenAdultsOnly]),
        (BotNews.WarrantyShown, [TextKey.CovWarranty]),
        (BotNews.WarrantyNotFound, [TextKey.WarNotFound]),
        (BotNews.ClaimFiled, [TextKey.BrokenReceiptNext]),
        (BotNews.ClaimRefused, [TextKey.BrokenWarrantyExpired, TextKey.BrokenCoverExpired, TextKey.BrokenClaimUsed, TextKey.BrokenDamageExcluded]),
        (BotNews.ClaimToAgents, [TextKey.BrokenToAgents]),
        (BotNews.Solved, [TextKey.BrokenSolved]),
        (BotNews.CareClosed, [TextKey.HandoffClosed, TextKey.HandoffClosedNoReopening]),
        (BotNews.CallbackBooked, [TextKey.HandoffCallbackBooked, TextKey.HandoffCallbackBookedNoTime]),
        (BotNews.EmailOffered, [TextKey.HandoffEmail]),
        (BotNews.AgentJoined, [TextKey.HandoffAgentJoined]),
        (BotNews.AgentLeft, [TextKey.HandoffAgentLeft]),
        (BotNews.AgentAway, [TextKey.HandoffAgentAway]),
        (BotNews.LeftQueue, [TextKey.HandoffLeftQueue]),
        (BotNews.ChatEnded, [TextKey.HandoffCustomerEnded]),
        (BotNews.HandoffFailed, [TextKey.HandoffFailed, TextKey.HandoffUnavailable]),
        (BotNews.ApiUnavailable, [TextKey.ApiUnavailable]),
        (BotNews.NotHelping, [TextKey.ListenNotHelping]),
        (BotNews.SensitiveNumber, [TextKey.ListenSensitiveNumber]),
        (BotNews.RatingStored, [TextKey.RatingThanks]),
    ]);

    /// <summary>Answers that do not ask anything new: the question before them still stands.</summary>
    private static readonly string[] Retries = Markers(
    [
        TextKey.RegSerialInvalid, TextKey.RegSerialHint, TextKey.RegUnknownSerial, TextKey.RegUnknownSerialAgain, TextKey.RegDateInvalid,
        TextKey.RegDateFuture, TextKey.RegDateRejected, TextKey.RegEmailInvalid, TextKey.ConfirmRetry, TextKey.ChoiceRetry,
        TextKey.InterruptionHelp, TextKey.InterruptionResume, TextKey.ListenSensitiveNumber, TextKey.ListenOtherBrand, TextKey.ListenCarryOn,
        TextKey.HandoffHelp, TextKey.BrokenHelp,
    ]);

    private readonly HashSet<BotNews> _news = [];
    private readonly HashSet<BotNews> _lastMessageNews = [];

    public BotTurn(IReadOnlyList<BotMessage> messages, BotAsk before)
    {
        Messages = messages;
        var recognised = false;
        BotAsk? asked = null;
        foreach (var message in messages)
        {
            // Within one message the question written last is the one asked.
            var at = -1;
            foreach (var (ask, markers) in Questions)
            {
                foreach (var marker in markers)
                {
                    var index = message.Seen.LastIndexOf(marker, StringComparison.Ordinal);
                    if (index > at)
                    {
                        (at, asked) = (index, ask);
                    }
                }
            }

            _lastMessageNews.Clear();
            foreach (var (news, markers) in Reports)
            {
                if (markers.Any(marker => message.Seen.Contains(marker, StringComparison.Ordinal)))
                {
                    _news.Add(news);
                    _lastMessageNews.Add(news);
                }
            }

            recognised |= at >= 0 || Retries.Any(marker => message.Seen.Contains(marker, StringComparison.Ordinal));
        }

        Ask = asked ?? (recognised ? before : BotAsk.Unknown);
        Recognised = recognised || asked is not null || _news.Count > 0;
    }

    public IReadOnlyList<BotMessage> Messages { get; }

    public BotAsk Ask { get; }

    /// <summary>Whether anything in the turn was a sentence the player knows; false for silence or only cards and agents' words.</summary>
    public bool Recognised { get; }

    public bool Has(BotNews news) => _news.Contains(news);

    /// <summary>Whether the turn's last message said this: nothing came after it yet.</summary>
    public bool EndsWith(BotNews news) => _lastMessageNews.Contains(news);

    /// <summary>The suggested actions of the turn's last message that has any.</summary>
    public IReadOnlyList<string> Suggestions => Messages.LastOrDefault(message => message.Suggestions.Count > 0)?.Suggestions ?? [];

    private static (T, string[])[] Build<T>((T Key, string[] TextKeys)[] table)
        => [.. table.Select(row => (row.Key, Markers(row.TextKeys)))];

    /// <summary>Each text in both languages, by its longest part without placeholders.</summary>
    private static string[] Markers(string[] textKeys)
        => [.. textKeys.SelectMany(key => Languages.Select(language => LongestFixedPart(Texts.Get(language, key)))).Where(marker => marker.Length >= 6).Distinct(StringComparer.Ordinal)];

    private static string LongestFixedPart(string text)
        => Placeholder().Split(text).Select(part => part.Trim()).OrderByDescending(part => part.Length).First();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
