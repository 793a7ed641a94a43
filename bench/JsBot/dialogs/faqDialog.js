const { ChoicePrompt, ComponentDialog, ListStyle, WaterfallDialog } = require('botbuilder-dialogs');
const { findTopic } = require('../resources/faq');
const { texts, languageOf } = require('../resources/texts');
const { faqCard, menu } = require('../resources/cards');
const { choiceDefaults } = require('./choiceDefaults');

const FAQ_DIALOG = 'faqDialog';
const FAQ_WATERFALL_DIALOG = 'faqWaterfallDialog';
const FEEDBACK_PROMPT = 'faqFeedbackPrompt';

/** Answers a FAQ topic with its card, then asks "Did this help?" with yes and no. */
class FaqDialog extends ComponentDialog {
    constructor() {
        super(FAQ_DIALOG);
        this.addDialog(new ChoicePrompt(FEEDBACK_PROMPT, undefined, undefined, choiceDefaults.choice))
            .addDialog(new WaterfallDialog(FAQ_WATERFALL_DIALOG, [
                this.answerStep.bind(this),
                this.feedbackStep.bind(this)
            ]));
        this.initialDialogId = FAQ_WATERFALL_DIALOG;
    }

    async answerStep(step) {
        const language = languageOf(step.context.activity);
        const t = texts(language);
        const answer = findTopic(step.options.topic)[language];
        await step.context.sendActivity(faqCard(answer));
        return await step.prompt(FEEDBACK_PROMPT, {
            prompt: t.faqDidThisHelp,
            choices: [
                // "ok tack" / "ok thanks" is a customer who got what they asked for.
                { value: t.yes, synonyms: ['ja', 'yes', 'ok', 'okej', 'tack', 'thanks', 'thank you'] },
                { value: t.no, synonyms: ['nej', 'no', 'nope'] }
            ],
            style: ListStyle.suggestedAction
        });
    }

    async feedbackStep(step) {
        const t = texts(languageOf(step.context.activity));
        if (step.result.index === 0) {
            await step.context.sendActivity(menu(t, t.welcome));
        } else {
            await step.context.sendActivity(menu(t, t.faqOfferPerson));
        }
        return await step.endDialog();
    }
}

module.exports = { FaqDialog, FAQ_DIALOG };
