// What the bot says, in Swedish and English: IqosBot's own wording, so that replies are of the same size.

const sv = {
    yes: 'Ja',
    no: 'Nej',
    menu: ['Registrera enhet', 'Kolla min garanti', 'Ställ en fråga', 'Prata med en person'],
    anythingElse: 'Är det något mer jag kan hjälpa dig med?',
    welcome: 'Varsågod! Är det något mer jag kan hjälpa dig med?',
    greeting: 'Hej! Jag är IQOS digitala assistent. Jag kan svara på frågor, registrera din enhet och kolla din garanti.',
    notUnderstood: 'Det förstod jag tyvärr inte. Du kan ställa en fråga, registrera din enhet eller prata med en person.',
    faqDidThisHelp: 'Hjälpte det här?',
    faqOfferPerson: 'Tråkigt att höra. Du når kundtjänst på 020-25 10 10 eller contact.se@iqos.com.',
    regIntro: 'Då registrerar vi din enhet. Det tar bara någon minut.',
    regSerialPrompt: 'Vilket serienummer har din IQOS? Det står på etiketten på kartongen.',
    regSerialInvalid: 'Det där ser inte ut som ett serienummer.',
    regSerialHint: 'Koden står på etiketten på kartongen. På IQOS ILUMA sitter den under luckan, på ILUMA PRIME under skalet och på ILUMA ONE på baksidan – där finns också en QR-kod du kan skanna.',
    regUnknownSerial: 'Jag hittar ingen IQOS med det serienumret. Kontrollera koden och skriv den igen.',
    regDatePrompt: 'När köpte du den? Skriv till exempel "15 mars", "igår" eller "2026-03-15".',
    regDateInvalid: 'Det datumet förstod jag inte. Skriv till exempel "15 mars" eller "igår".',
    regDateFuture: 'Köpdatumet kan inte ligga i framtiden. När köpte du enheten?',
    regEmailPrompt: 'Vilken e-postadress har ditt IQOS-konto? Har du inget konto skapar vi ett åt dig.',
    regEmailInvalid: 'Det ser inte ut som en e-postadress. Skriv den som namn@exempel.se.',
    regAgePrompt: 'Är du 18 år eller äldre?',
    regUnderAge: 'Registreringen och förmånerna är bara för dig som har fyllt 18 år, så jag kan tyvärr inte registrera enheten. Jag har inte sparat något av det du har skrivit.',
    regConsentPrompt: 'Vill du få nyheter och erbjudanden från IQOS via e-post? De gäller aldrig tobaksprodukter, och du kan ändra dig när du vill i ditt konto.',
    regSummaryTitle: 'Stämmer det här?',
    regSummaryRetry: 'Välj Registrera om allt stämmer, eller det du vill ändra.',
    regSummaryLabels: { serial: 'Serienummer', date: 'Köpdatum', email: 'E-post', consent: 'Nyheter och erbjudanden' },
    regSummaryActions: { confirm: 'Registrera', serial: 'Ändra serienummer', date: 'Ändra köpdatum', email: 'Ändra e-post', consent: 'Ändra nyhetsval' },
    regRegistered: 'Klart! Din IQOS är registrerad.',
    regHelp: 'Svara på frågan, så registrerar vi din enhet. Skriv "avbryt" för att sluta.',
    regCancelled: 'Okej, då avbryter vi. Ingen enhet har registrerats.',
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december']
};

const en = {
    yes: 'Yes',
    no: 'No',
    menu: ['Register a device', 'Check my warranty', 'Ask a question', 'Talk to a person'],
    anythingElse: 'Is there anything else I can help you with?',
    welcome: 'You\'re welcome! Is there anything else I can help you with?',
    greeting: 'Hi! I\'m the IQOS digital assistant. I can answer questions, register your device and check your warranty.',
    notUnderstood: 'Sorry, I didn\'t understand that. You can ask a question, register your device or talk to a person.',
    faqDidThisHelp: 'Did this help?',
    faqOfferPerson: 'Sorry to hear that. You can reach customer care on 020-25 10 10 or at contact.se@iqos.com.',
    regIntro: 'Let\'s register your device. It only takes a minute or two.',
    regSerialPrompt: 'What\'s your IQOS serial number? It\'s on the label on the box.',
    regSerialInvalid: 'That doesn\'t look like a serial number.',
    regSerialHint: 'The code is on the label on the box. On IQOS ILUMA it\'s under the door cover, on ILUMA PRIME under the wrap and on the back of ILUMA ONE – where there\'s also a QR code you can scan.',
    regUnknownSerial: 'I can\'t find an IQOS with that serial number. Please check the code and type it again.',
    regDatePrompt: 'When did you buy it? For example "15 March", "yesterday" or "2026-03-15".',
    regDateInvalid: 'I didn\'t understand that date. Try for example "15 March" or "yesterday".',
    regDateFuture: 'The purchase date can\'t be in the future. When did you buy the device?',
    regEmailPrompt: 'What\'s the e-mail address of your IQOS account? If you don\'t have one, we\'ll create it for you.',
    regEmailInvalid: 'That doesn\'t look like an e-mail address. Please type it like name@example.com.',
    regAgePrompt: 'Are you 18 or older?',
    regUnderAge: 'Registration and its benefits are only for adults aged 18 or over, so I\'m afraid I can\'t register the device. I haven\'t saved anything you\'ve typed.',
    regConsentPrompt: 'Would you like news and offers from IQOS by e-mail? They never include tobacco products, and you can change your mind any time in your account.',
    regSummaryTitle: 'Is this right?',
    regSummaryRetry: 'Choose Register if everything is right, or what you\'d like to change.',
    regSummaryLabels: { serial: 'Serial number', date: 'Purchase date', email: 'E-mail', consent: 'News and offers' },
    regSummaryActions: { confirm: 'Register', serial: 'Change serial number', date: 'Change purchase date', email: 'Change e-mail', consent: 'Change news choice' },
    regRegistered: 'Done! Your IQOS is registered.',
    regHelp: 'Answer the question and I\'ll register your device. Type "cancel" to stop.',
    regCancelled: 'OK, I\'ve cancelled that. No device has been registered.',
    months: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
};

/** 'sv' for a Swedish locale (sv-SE, sv-FI), otherwise 'en'. */
function languageOf(activity) {
    return (activity.locale || '').toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

function texts(language) {
    return language === 'sv' ? sv : en;
}

module.exports = { languageOf, texts };
