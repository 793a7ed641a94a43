const {
    ChoicePrompt,
    ConfirmPrompt,
    ListStyle,
    TextPrompt,
    WaterfallDialog
} = require('botbuilder-dialogs');
const { CancelAndHelpDialog } = require('./cancelAndHelpDialog');
const { choiceDefaults } = require('./choiceDefaults');
const { texts, languageOf } = require('../resources/texts');
const { menu, summaryCard } = require('../resources/cards');
const { findSerial, isKnownSerial, findEmail, parseDate, isInTheFuture } = require('../resources/registrationValidators');

const REGISTRATION_DIALOG = 'registrationDialog';
const REGISTRATION_WATERFALL_DIALOG = 'registrationWaterfallDialog';
const SERIAL_PROMPT = 'serialPrompt';
const DATE_PROMPT = 'datePrompt';
const EMAIL_PROMPT = 'emailPrompt';
const AGE_PROMPT = 'agePrompt';
const NEWS_PROMPT = 'newsPrompt';
const SUMMARY_PROMPT = 'summaryPrompt';
const USER_PROFILE = 'userProfile';

/**
 * Registers a device in IqosBot's order: serial, purchase date, e-mail, 18+, news and offers, a summary
 * card to confirm. "avbryt"/"cancel" ends it at any step (CancelAndHelpDialog). What the customer gave
 * is kept in user state, as the samples keep a user profile.
 */
class RegistrationDialog extends CancelAndHelpDialog {
    constructor(userState) {
        super(REGISTRATION_DIALOG);
        this.userProfile = userState.createProperty(USER_PROFILE);

        this.addDialog(new TextPrompt(SERIAL_PROMPT, this.serialValidator.bind(this)))
            .addDialog(new TextPrompt(DATE_PROMPT, this.dateValidator.bind(this)))
            .addDialog(new TextPrompt(EMAIL_PROMPT, async (prompt) => prompt.recognized.succeeded && findEmail(prompt.recognized.value) !== undefined))
            .addDialog(new ConfirmPrompt(AGE_PROMPT, undefined, undefined, choiceDefaults.confirm))
            .addDialog(new ChoicePrompt(NEWS_PROMPT, undefined, undefined, choiceDefaults.choice))
            .addDialog(new TextPrompt(SUMMARY_PROMPT))
            .addDialog(new WaterfallDialog(REGISTRATION_WATERFALL_DIALOG, [
                this.serialStep.bind(this),
                this.dateStep.bind(this),
                this.emailStep.bind(this),
                this.ageStep.bind(this),
                this.newsStep.bind(this),
                this.summaryStep.bind(this),
                this.submitStep.bind(this)
            ]));
        this.initialDialogId = REGISTRATION_WATERFALL_DIALOG;
    }

    async serialStep(step) {
        const t = texts(languageOf(step.context.activity));
        step.values.form = {};
        await step.context.sendActivity(t.regIntro);
        return await step.prompt(SERIAL_PROMPT, {
            prompt: t.regSerialPrompt,
            retryPrompt: `${ t.regSerialInvalid }\n\n${ t.regSerialHint }`
        });
    }

    async dateStep(step) {
        const t = texts(languageOf(step.context.activity));
        step.values.form.serial = findSerial(step.result);
        await this.remember(step, { serial: step.values.form.serial });
        return await step.prompt(DATE_PROMPT, { prompt: t.regDatePrompt, retryPrompt: t.regDateInvalid });
    }

    async emailStep(step) {
        const t = texts(languageOf(step.context.activity));
        step.values.form.date = parseDate(step.result, t.months).toISOString().slice(0, 10);
        return await step.prompt(EMAIL_PROMPT, { prompt: t.regEmailPrompt, retryPrompt: t.regEmailInvalid });
    }

    async ageStep(step) {
        const t = texts(languageOf(step.context.activity));
        step.values.form.email = findEmail(step.result);
        await this.remember(step, { email: step.values.form.email });
        return await step.prompt(AGE_PROMPT, { prompt: t.regAgePrompt, style: ListStyle.suggestedAction });
    }

    async newsStep(step) {
        const t = texts(languageOf(step.context.activity));
        if (!step.result) {
            await step.context.sendActivity(t.regUnderAge);
            return await step.endDialog();
        }
        return await step.prompt(NEWS_PROMPT, {
            prompt: t.regConsentPrompt,
            choices: [
                { value: t.yes, synonyms: ['ja', 'yes', 'gärna', 'please'] },
                { value: t.no, synonyms: ['nej', 'no', 'nä', 'nope'] }
            ],
            style: ListStyle.suggestedAction
        });
    }

    async summaryStep(step) {
        const t = texts(languageOf(step.context.activity));
        step.values.form.news = step.result.index === 0;
        return await step.prompt(SUMMARY_PROMPT, { prompt: summaryCard(t, step.values.form), retryPrompt: t.regSummaryRetry });
    }

    async submitStep(step) {
        const t = texts(languageOf(step.context.activity));
        const action = (step.context.activity.value && step.context.activity.value.action) ||
            (/^(ja|yes|registrera|register)\b/i.test(step.result) ? 'confirm' : 'change');
        if (action !== 'confirm') {
            // A change: ask everything again (IqosBot asks only the one field; the shape of the turns is the same).
            return await step.replaceDialog(REGISTRATION_WATERFALL_DIALOG);
        }
        await step.context.sendActivity(menu(t, t.regRegistered));
        return await step.endDialog(step.values.form);
    }

    async serialValidator(prompt) {
        const serial = prompt.recognized.succeeded ? findSerial(prompt.recognized.value) : undefined;
        if (!serial) {
            return false;
        }
        if (!isKnownSerial(serial)) {
            const t = texts(languageOf(prompt.context.activity));
            await prompt.context.sendActivity(t.regUnknownSerial);
            return false;
        }
        return true;
    }

    async dateValidator(prompt) {
        const t = texts(languageOf(prompt.context.activity));
        const date = prompt.recognized.succeeded ? parseDate(prompt.recognized.value, t.months) : undefined;
        if (date && isInTheFuture(date)) {
            await prompt.context.sendActivity(t.regDateFuture);
            return false;
        }
        return date !== undefined;
    }

    async remember(step, given) {
        const profile = await this.userProfile.get(step.context, {});
        Object.assign(profile, given);
    }
}

module.exports = { RegistrationDialog, REGISTRATION_DIALOG };
