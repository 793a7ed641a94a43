// The prompts' own defaults plus Swedish, which the SDK's prompt cultures do not include: without it a
// sv-SE conversation would be offered "Yes"/"No" and its "ja" would not be understood by the ConfirmPrompt.
const { PromptCultureModels } = require('botbuilder-dialogs');

const choice = {};
const confirm = {};
const cultures = [
    ...PromptCultureModels.getSupportedCultures(),
    { locale: 'sv-se', separator: ', ', inlineOr: ' eller ', inlineOrMore: ', eller ', yesInLanguage: 'Ja', noInLanguage: 'Nej' }
];
for (const culture of cultures) {
    const options = { inlineSeparator: culture.separator, inlineOr: culture.inlineOr, inlineOrMore: culture.inlineOrMore, includeNumbers: true };
    choice[culture.locale] = options;
    confirm[culture.locale] = { choices: [culture.yesInLanguage, culture.noInLanguage], options };
}

module.exports.choiceDefaults = { choice, confirm };
