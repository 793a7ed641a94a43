const {
    ComponentDialog,
    DialogSet,
    DialogTurnStatus,
    WaterfallDialog
} = require('botbuilder-dialogs');
const { FaqDialog, FAQ_DIALOG } = require('./faqDialog');
const { RegistrationDialog, REGISTRATION_DIALOG } = require('./registrationDialog');
const { findAnswer } = require('../resources/faq');
const { texts, languageOf } = require('../resources/texts');
const { menu } = require('../resources/cards');

const MAIN_WATERFALL_DIALOG = 'mainWaterfallDialog';

const REGISTER = /\bregistr|\bregister/;
const THANKS = /\b(tack|thanks|thank you)\b/;
const GREETING = /^(hej|hejsan|hallå|hello|hi|hey|hjälp|help|vad kan du göra|what can you do)(?![a-zåäö])/;

/** Routes a customer's message to a FAQ answer or the registration, as the samples' MainDialog routes intents. */
class MainDialog extends ComponentDialog {
    constructor(userState) {
        super('MainDialog');
        this.addDialog(new FaqDialog())
            .addDialog(new RegistrationDialog(userState))
            .addDialog(new WaterfallDialog(MAIN_WATERFALL_DIALOG, [
                this.routeStep.bind(this),
                this.finalStep.bind(this)
            ]));
        this.initialDialogId = MAIN_WATERFALL_DIALOG;
    }

    /** The samples' entry point: continue the active dialog, or start this one. */
    async run(turnContext, accessor) {
        const dialogSet = new DialogSet(accessor);
        dialogSet.add(this);

        const dialogContext = await dialogSet.createContext(turnContext);
        const results = await dialogContext.continueDialog();
        if (results.status === DialogTurnStatus.empty) {
            await dialogContext.beginDialog(this.id);
        }
    }

    async routeStep(step) {
        const activity = step.context.activity;
        const text = (activity.text || '').trim().toLowerCase();
        const t = texts(languageOf(activity));

        if (REGISTER.test(text)) {
            return await step.beginDialog(REGISTRATION_DIALOG, {});
        }
        const answer = findAnswer(text);
        if (answer) {
            return await step.beginDialog(FAQ_DIALOG, { topic: answer.topic });
        }
        if (THANKS.test(text)) {
            await step.context.sendActivity(menu(t, t.welcome));
        } else if (GREETING.test(text)) {
            await step.context.sendActivity(menu(t, t.greeting));
        } else {
            await step.context.sendActivity(menu(t, t.notUnderstood));
        }
        return await step.endDialog();
    }

    async finalStep(step) {
        return await step.endDialog();
    }
}

module.exports.MainDialog = MainDialog;
