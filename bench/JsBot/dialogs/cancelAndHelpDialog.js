const { InputHints } = require('botbuilder');
const { ComponentDialog, DialogTurnStatus } = require('botbuilder-dialogs');
const { texts, languageOf } = require('../resources/texts');
const { menu } = require('../resources/cards');

/**
 * As in the SDK's core-bot sample: "avbryt"/"cancel" (and "hjälp"/"help") interrupt whatever step the
 * dialog is at.
 */
class CancelAndHelpDialog extends ComponentDialog {
    async onContinueDialog(innerDc) {
        const result = await this.interrupt(innerDc);
        if (result) {
            return result;
        }
        return await super.onContinueDialog(innerDc);
    }

    async interrupt(innerDc) {
        const text = (innerDc.context.activity.text || '').trim().toLowerCase();
        const t = texts(languageOf(innerDc.context.activity));
        switch (text) {
        case 'hjälp':
        case 'help':
        case '?':
            await innerDc.context.sendActivity(t.regHelp, t.regHelp, InputHints.ExpectingInput);
            return { status: DialogTurnStatus.waiting };
        case 'avbryt':
        case 'cancel':
        case 'quit':
            await innerDc.context.sendActivity(t.regCancelled, t.regCancelled, InputHints.IgnoringInput);
            await innerDc.context.sendActivity(menu(t, t.anythingElse));
            return await innerDc.cancelAllDialogs();
        }
        return undefined;
    }
}

module.exports.CancelAndHelpDialog = CancelAndHelpDialog;
