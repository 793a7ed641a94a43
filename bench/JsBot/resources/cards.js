// Adaptive Cards of the same shape as IqosBot's (Cards/Templates/faq.json, registration-summary.json).
const { CardFactory, MessageFactory } = require('botbuilder');

function faqCard(answer) {
    const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        speak: answer.title,
        body: [
            { type: 'TextBlock', text: answer.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
            { type: 'TextBlock', text: answer.text, wrap: true }
        ]
    });
    // Screen readers and notifications read the text, not the card.
    const message = MessageFactory.attachment(card, undefined, `${ answer.title }. ${ answer.text }`);
    message.summary = answer.title;
    return message;
}

function summaryCard(t, form) {
    const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        speak: t.regSummaryTitle,
        body: [
            { type: 'TextBlock', text: t.regSummaryTitle, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
            {
                type: 'FactSet',
                facts: [
                    { title: t.regSummaryLabels.serial, value: form.serial },
                    { title: t.regSummaryLabels.date, value: form.date },
                    { title: t.regSummaryLabels.email, value: form.email },
                    { title: t.regSummaryLabels.consent, value: form.news ? t.yes : t.no }
                ]
            }
        ],
        actions: [
            { type: 'Action.Submit', title: t.regSummaryActions.confirm, style: 'positive', data: { action: 'confirm' } },
            { type: 'Action.Submit', title: t.regSummaryActions.serial, data: { action: 'change-serial' } },
            { type: 'Action.Submit', title: t.regSummaryActions.date, data: { action: 'change-date' } },
            { type: 'Action.Submit', title: t.regSummaryActions.email, data: { action: 'change-email' } },
            { type: 'Action.Submit', title: t.regSummaryActions.consent, data: { action: 'change-consent' } }
        ]
    });
    const message = MessageFactory.attachment(card, undefined, t.regSummaryTitle);
    message.summary = t.regSummaryTitle;
    return message;
}

/** A text with the main menu as suggested actions, as IqosBot ends a journey. */
function menu(t, text) {
    return MessageFactory.suggestedActions(t.menu, text);
}

module.exports = { faqCard, menu, summaryCard };
