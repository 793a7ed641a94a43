// A few FAQ answers and the words that find them: a keyword match, as a bot without a language model would do it.

const answers = [
    {
        topic: 'contact',
        keywords: ['kontakt', 'kontakta', 'kundtjänst', 'kundservice', 'telefonnummer', 'ringa', 'mejla',
            'contact', 'customer service', 'customer care', 'customer support', 'phone number', 'reach'],
        sv: {
            title: 'Kontakta kundtjänst',
            text: 'Så når du IQOS kundtjänst:\n\n- Ring 020-25 10 10 (Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00)\n- Mejla contact.se@iqos.com\n- Chatta med oss på webbplatsen\n- Besök närmaste IQOS-butik'
        },
        en: {
            title: 'Contact customer care',
            text: 'Here\'s how to reach IQOS customer care:\n\n- Call 020-25 10 10 (Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00)\n- E-mail contact.se@iqos.com\n- Chat with us on the website\n- Visit your nearest IQOS store'
        }
    },
    {
        topic: 'opening-hours',
        keywords: ['öppet', 'öppettider', 'stänger', 'opening hours', 'open', 'close'],
        sv: {
            title: 'Öppettider',
            text: 'Kundtjänst har öppet måndag–fredag 08.00–19.00 och lördag–söndag 10.00–18.00. Butikernas öppettider hittar du på webbplatsen.'
        },
        en: {
            title: 'Opening hours',
            text: 'Customer care is open Monday–Friday 08.00–19.00 and Saturday–Sunday 10.00–18.00. The stores\' opening hours are on the website.'
        }
    },
    {
        topic: 'money-back',
        keywords: ['pengarna tillbaka', 'öppet köp', 'ångerrätt', 'money-back', 'money back', 'refund'],
        sv: {
            title: 'Pengarna tillbaka-garanti',
            text: 'Köpte du din IQOS på iqos.com kan du lämna tillbaka den inom 30 dagar och få pengarna tillbaka. Logga in på ditt konto och välj Returnera.'
        },
        en: {
            title: 'Money-back guarantee',
            text: 'If you bought your IQOS on iqos.com, you can return it within 30 days for a refund. Log in to your account and choose Return.'
        }
    }
];

/** The first answer one of whose keywords is in the text, or undefined. */
function findAnswer(text) {
    const lower = (text || '').toLowerCase();
    return answers.find((answer) => answer.keywords.some((keyword) => lower.includes(keyword)));
}

function findTopic(topic) {
    return answers.find((answer) => answer.topic === topic);
}

module.exports = { findAnswer, findTopic };
