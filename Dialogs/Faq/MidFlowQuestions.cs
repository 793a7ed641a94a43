using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// Answers an FAQ question asked in the middle of a journey ("hur länge gäller garantin?" while the bot
/// waits for a purchase date), so the journey can ask its question again instead of failing the answer.
/// Only clear questions count: a few words, recognised with confidence as an FAQ topic.
/// </summary>
public sealed class MidFlowQuestions
{
    /// <summary>Answers to our own questions (a serial, a date, an e-mail, ja/nej) are shorter than this.</summary>
    private const int MinimumWords = 3;

    private readonly IRecognizer _recognizer;
    private readonly FaqKnowledge _knowledge;
    private readonly double _minimumScore;

    public MidFlowQuestions(IRecognizer recognizer, FaqKnowledge knowledge, double minimumScore = 0.6)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _minimumScore = minimumScore;
    }

    /// <returns>True when the message was an FAQ question and has been answered.</returns>
    public async Task<bool> TryAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (TextNormalizer.Tokens(turnContext.Activity.Text).Length < MinimumWords)
        {
            return false;
        }

        var result = await _recognizer.RecognizeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var intent = result.TopIntent();
        var language = turnContext.GetLanguage();
        var score = result.Intents.TryGetValue(intent, out var found) ? found.Score ?? 0 : 0;
        if (score < _minimumScore || !_knowledge.IsFaq(language, intent))
        {
            return false;
        }

        await RecognizerTrace.SendAsync(turnContext, result, cancellationToken).ConfigureAwait(false);
        var answer = _knowledge.Find(language, intent)!;
        await turnContext.SendActivityAsync(FaqCard.Create(answer, ChannelInfo.From(turnContext.Activity)), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
