// Team leads' insights (/agent/insights): every word the page shows, in Swedish and English, the readable names
// of the bot's ids, and number/date formatting. Loaded before the other insights-*.js files; they reach it as
// window.IqosInsights.labels. Plain ES2020, no build step.
(() => {
  'use strict';

  const ns = (window.IqosInsights = window.IqosInsights || {});

  // Page texts. {name} placeholders are filled by t(); keys are the same in both languages (a test-free
  // safeguard: t() falls back to Swedish, then to the key, so a missing English text never breaks the page).
  const TEXTS = {
    sv: {
      pageTitle: 'Insikter – IQOS agentkonsol', heading: 'Insikter', navLabel: 'Agentkonsolen',
      backToConsole: 'Till agentkonsolen', toggleLabel: 'English', toggleAria: 'Show the page in English',
      from: 'Från och med', to: 'Till och med', language: 'Kundens språk',
      languageAll: 'Alla', languageSv: 'Svenska', languageEn: 'Engelska', show: 'Visa',
      rangeHint: 'Dagarna räknas i svensk tid. Båda dagarna ingår.',
      rangeTitle: 'Samtal {range}', rangeAllLanguages: 'alla språk', rangeEmpty: 'Inga samtal under perioden. Välj en annan period eller ett annat språk.',
      loading: 'Hämtar siffrorna…', loaded: 'Siffrorna för {range} visas.', download: 'Ladda ner CSV', downloadAria: 'Ladda ner CSV: {what}',
      retry: 'Försök igen',
      errorForbidden: 'Sidan är bara för teamledare.',
      errorNetwork: 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
      errorServer: 'Något gick fel hos servern (felkod {status}). Försök igen om en stund.',
      errorBadRequest: 'Servern kunde inte visa perioden: {error}',
      errorDates: 'Fyll i båda datumen.', errorOrder: 'Från-datumet kan inte vara efter till-datumet.',
      errorTooLong: 'Välj en period på högst {days} dagar.',
      kpiConversations: 'Samtal', kpiContainment: 'Lösta av boten', kpiEscalation: 'Till en person',
      kpiAbandonment: 'Avbrutna', kpiRating: 'Snittbetyg', kpiRateNote: 'av samtalen där kunden skrev något',
      kpiEngaged: 'varav {count} där kunden skrev något', kpiRatingNote: 'av 5, {count} betyg', kpiNoRatings: 'inga betyg ännu',
      summaryCaption: 'Nyckeltal för perioden', measure: 'Mått', value: 'Värde', count: 'Antal',
      summaryPeriod: 'Period', summaryLanguage: 'Kundens språk', summaryEngaged: 'Samtal där kunden skrev något',
      ratingsTitle: 'Betyg', ratingsIntro: 'Så betygsatte kunderna samtalen med en person, från 1 (dåligt) till 5 (mycket bra).',
      ratingsCaption: 'Betygsfördelning', rating: 'Betyg', ratingsDataset: 'Antal betyg', ratingsEmpty: 'Inga betyg under perioden.',
      escalationsTitle: 'Till en person', escalationsIntro: 'Vad som fick kunderna att vilja prata med en person, och vad som hände sedan.',
      escalationsCaption: 'Vad som ledde till en person', trigger: 'Anledning', escalationsDataset: 'Överlämningar',
      escalationsEmpty: 'Ingen kund ville prata med en person under perioden.',
      handoffsCaption: 'Från begäran till avslut', handoffStep: 'Steg',
      intentsTitle: 'Vanligaste ärendena', intentsIntro: 'Vad boten tolkade kundernas meddelanden som (högst 15).',
      intentsCaption: 'Vanligaste ärendena', intent: 'Ärende', messages: 'Meddelanden', intentsEmpty: 'Inga tolkade meddelanden under perioden.',
      faqTitle: 'Hjälpte svaret?', faqIntro: 'Efter varje svar frågar boten om det hjälpte. Andelen räknas på dem som svarade.',
      faqCaption: 'Hjälpte svaret? per svar', answer: 'Svar', shown: 'Visat', helped: 'Hjälpte', notHelped: 'Hjälpte inte',
      shareHelped: 'Andel som fick hjälp', faqEmpty: 'Inga svar visades under perioden.',
      funnelsTitle: 'Registrering och reklamation steg för steg',
      funnelsIntro: 'Hur många kunder som nådde varje steg, och hur många som slutade där utan att komma vidare.',
      funnelsCaption: 'Stegen i registrering och reklamation', step: 'Steg', reached: 'Nådde steget', dropOff: 'Slutade här',
      dropOffShare: 'Andel som slutade här', funnelEmpty: 'Ingen kund påbörjade det här flödet under perioden.',
      funnelChart: '{journey}: kunder per steg', funnelsEmpty: 'Inga flöden under perioden.',
      queueTitle: 'Kötid och handläggningstid',
      queueIntro: 'Kötid: från att kunden ställdes i kö tills en agent tog emot samtalet. Handläggningstid: från mottaget till avslutat.',
      queueCaption: 'Kötid och handläggningstid', queueWait: 'Kötid', handlingTime: 'Handläggningstid',
      p50: 'Median', p90: '90 %', p95: '95 %', max: 'Längst', percentileNote: '90 % = nio av tio var klara inom den tiden.',
      minutes: 'Minuter', queueEmpty: 'Ingen kund pratade med en agent under perioden.',
      hoursTitle: 'Samtal per timme', hoursIntro: 'När samtalen började (svensk tid), inom och utanför kundtjänstens öppettider.',
      hoursCaption: 'Samtal per timme', hour: 'Timme', conversations: 'Samtal', insideHours: 'Inom öppettid', outsideHours: 'Utanför öppettid',
      hoursEmpty: 'Inga samtal under perioden.',
      unansweredTitle: 'Obesvarade frågor',
      unansweredIntro: 'Meddelanden som boten inte förstod, grupperade efter likhet och vanligast först. Öppna en rad för att läsa exemplen – här behövs kanske ett nytt svar.',
      unansweredCaption: 'Obesvarade frågor', question: 'Meddelande', unansweredEmpty: 'Boten förstod alla meddelanden under perioden.',
      fallbacks: 'Boten förstod inte {notUnderstood} gånger och frågade ”Menade du …?” {didYouMean} gånger.',
      examples: 'Exempel', exampleCount: '{count} exempel', noExamples: 'Inga exempel sparade.',
      chartSummary: '{title}. {details}', chartSeeTable: 'Samma siffror finns i tabellen.',
      unknown: 'Okänt', none: '–',
    },
    en: {
      pageTitle: 'Insights – IQOS agent console', heading: 'Insights', navLabel: 'Agent console',
      backToConsole: 'Back to the agent console', toggleLabel: 'Svenska', toggleAria: 'Visa sidan på svenska',
      from: 'From', to: 'To', language: "Customer's language",
      languageAll: 'All', languageSv: 'Swedish', languageEn: 'English', show: 'Show',
      rangeHint: 'Days are counted in Swedish time. Both days are included.',
      rangeTitle: 'Conversations {range}', rangeAllLanguages: 'all languages', rangeEmpty: 'No conversations in this period. Try another period or language.',
      loading: 'Loading the figures…', loaded: 'Showing the figures for {range}.', download: 'Download CSV', downloadAria: 'Download CSV: {what}',
      retry: 'Try again',
      errorForbidden: 'This page is for team leads only.',
      errorNetwork: 'Could not reach the server. Check your connection and try again.',
      errorServer: 'Something went wrong on the server (error {status}). Please try again shortly.',
      errorBadRequest: 'The server could not show this period: {error}',
      errorDates: 'Fill in both dates.', errorOrder: 'The start date cannot be after the end date.',
      errorTooLong: 'Choose a period of at most {days} days.',
      kpiConversations: 'Conversations', kpiContainment: 'Resolved by the bot', kpiEscalation: 'Handed to a person',
      kpiAbandonment: 'Abandoned', kpiRating: 'Average rating', kpiRateNote: 'of conversations where the customer wrote something',
      kpiEngaged: '{count} where the customer wrote something', kpiRatingNote: 'out of 5, {count} ratings',
      kpiRatingNoteOne: 'out of 5, {count} rating', kpiNoRatings: 'no ratings yet',
      summaryCaption: 'Key figures for the period', measure: 'Measure', value: 'Value', count: 'Count',
      summaryPeriod: 'Period', summaryLanguage: "Customer's language", summaryEngaged: 'Conversations where the customer wrote something',
      ratingsTitle: 'Ratings', ratingsIntro: 'How customers rated their chats with a person, from 1 (poor) to 5 (very good).',
      ratingsCaption: 'Ratings distribution', rating: 'Rating', ratingsDataset: 'Ratings', ratingsEmpty: 'No ratings in this period.',
      escalationsTitle: 'Handed to a person', escalationsIntro: 'What made customers want to talk to a person, and what happened next.',
      escalationsCaption: 'What led to a person', trigger: 'Reason', escalationsDataset: 'Handovers',
      escalationsEmpty: 'No customer asked for a person in this period.',
      handoffsCaption: 'From request to close', handoffStep: 'Step',
      intentsTitle: 'Top intents', intentsIntro: "What the bot understood customers' messages to be about (at most 15).",
      intentsCaption: 'Top intents', intent: 'Intent', messages: 'Messages', intentsEmpty: 'No recognised messages in this period.',
      faqTitle: 'Did the answer help?', faqIntro: 'After each answer the bot asks whether it helped. The share counts those who replied.',
      faqCaption: 'Did the answer help? per answer', answer: 'Answer', shown: 'Shown', helped: 'Helped', notHelped: 'Did not help',
      shareHelped: 'Share helped', faqEmpty: 'No answers were shown in this period.',
      funnelsTitle: 'Registration and claims step by step',
      funnelsIntro: 'How many customers reached each step, and how many stopped there without going further.',
      funnelsCaption: 'Steps of registration and claims', step: 'Step', reached: 'Reached the step', dropOff: 'Stopped here',
      dropOffShare: 'Share that stopped here', funnelEmpty: 'No customer started this journey in this period.',
      funnelChart: '{journey}: customers per step', funnelsEmpty: 'No journeys in this period.',
      queueTitle: 'Queue wait and handling time',
      queueIntro: 'Queue wait: from joining the queue until an agent accepted the chat. Handling time: from accepted to closed.',
      queueCaption: 'Queue wait and handling time', queueWait: 'Queue wait', handlingTime: 'Handling time',
      p50: 'Median', p90: '90%', p95: '95%', max: 'Longest', percentileNote: '90% = nine in ten were done within that time.',
      minutes: 'Minutes', queueEmpty: 'No customer talked to an agent in this period.',
      hoursTitle: 'Conversations by hour', hoursIntro: 'When conversations started (Swedish time), during and outside customer care opening hours.',
      hoursCaption: 'Conversations by hour', hour: 'Hour', conversations: 'Conversations', insideHours: 'During opening hours', outsideHours: 'Outside opening hours',
      hoursEmpty: 'No conversations in this period.',
      unansweredTitle: 'Unanswered questions',
      unansweredIntro: 'Messages the bot did not understand, grouped by similarity, most frequent first. Open a row to read the examples – these may need a new answer.',
      unansweredCaption: 'Unanswered questions', question: 'Message', unansweredEmpty: 'The bot understood every message in this period.',
      fallbacks: 'The bot did not understand {notUnderstood} times and asked “Did you mean …?” {didYouMean} times.',
      examples: 'Examples', exampleCount: '{count} examples', exampleCountOne: '{count} example', noExamples: 'No examples kept.',
      chartSummary: '{title}. {details}', chartSeeTable: 'The same figures are in the table.',
      unknown: 'Unknown', none: '–',
    },
  };

  // Readable names for the bot's ids (Dialogs/Understanding/Intents.cs, Bot/Insights/EscalationTriggers, the
  // journeys' question ids). An id not listed here is shown as it is, so a new intent or step is never hidden.
  const NAMES = {
    intent: {
      Greeting: ['Hälsning', 'Greeting'], Goodbye: ['Hej då', 'Goodbye'], Thanks: ['Tack', 'Thanks'],
      Help: ['Vad kan boten göra?', 'What can the bot do?'], RegisterDevice: ['Registrera enhet', 'Register a device'],
      RegistrationHelp: ['Fråga om registrering', 'Registration question'], WarrantyStatus: ['Kolla garanti', 'Check warranty'],
      CheckWarranty: ['Kolla garanti', 'Check warranty'], WarrantyInfo: ['Om garantin', 'About the warranty'],
      MoneyBackGuarantee: ['Pengarna tillbaka-garanti', 'Money-back guarantee'], CarePlus: ['Care Plus', 'Care Plus'],
      IqosExpert: ['IQOS-expert', 'IQOS expert'], DeviceReplacement: ['Ersättningsenhet', 'Replacement device'],
      InternationalSupport: ['Hjälp utomlands', 'Help abroad'], Troubleshooting: ['Felsökning', 'Troubleshooting'],
      Cleaning: ['Rengöring', 'Cleaning'], ContactSupport: ['Kontakt och öppettider', 'Contact and opening hours'],
      AccessoriesDiscount: ['Tillbehörsrabatt', 'Accessories discount'], Marketing: ['Nyhetsbrev', 'Newsletter'],
      AccountHelp: ['Konto', 'Account'], HumanAgent: ['Vill prata med en person', 'Wants a person'],
      None: ['Inte förstått', 'Not understood'], DidYouMean: ['Menade du …?', 'Did you mean …?'],
    },
    trigger: {
      asked: ['Bad själv om en person', 'Asked for a person'], HumanAgent: ['Bad själv om en person', 'Asked for a person'],
      answer_not_helped: ['Svaret hjälpte inte', 'The answer did not help'], NotHelped: ['Svaret hjälpte inte', 'The answer did not help'],
      api_failure: ['Tekniskt fel i systemet', 'System error'], ApiFailure: ['Tekniskt fel i systemet', 'System error'],
      not_understood: ['Boten förstod inte', 'The bot did not understand'],
      offered: ['Boten erbjöd en person', 'The bot offered a person'],
      TooManyAttempts: ['För många försök på en fråga', 'Too many attempts at a question'],
    },
    journey: {
      registration: ['Registrering', 'Registration'], claim: ['Reklamation', 'Claim'], warranty: ['Garantikoll', 'Warranty check'],
      broken: ['Trasig enhet', 'Broken device'], handoff: ['Till en person', 'To a person'],
    },
    step: {
      started: ['Påbörjade', 'Started'], completed: ['Slutförda', 'Completed'],
      regSerial: ['Serienummer', 'Serial number'], regDate: ['Inköpsdatum', 'Purchase date'], regEmail: ['E-postadress', 'E-mail address'],
      regAge: ['Ålder', 'Age check'], regConsent: ['Samtycke', 'Consent'], regSummary: ['Sammanfattning', 'Summary'],
      claimSerial: ['Serienummer', 'Serial number'], claimEmail: ['E-postadress', 'E-mail address'],
      addressStreet: ['Gatuadress', 'Street address'], addressPostcode: ['Postnummer', 'Postcode'], addressCity: ['Ort', 'Town'],
      claimConfirmAddress: ['Bekräfta adress', 'Confirm address'],
    },
    handoff: {
      requested: ['Ville prata med en person', 'Asked for a person'], queued: ['Ställdes i kö', 'Joined the queue'],
      accepted: ['Togs emot av en agent', 'Accepted by an agent'], closed: ['Avslutades av en agent', 'Closed by an agent'],
      callbacks: ['Bad om att bli uppringda', 'Asked to be called back'], leftQueue: ['Lämnade kön', 'Left the queue'],
    },
    language: { sv: ['Svenska', 'Swedish'], en: ['Engelska', 'English'] },
  };

  const LOCALES = { sv: 'sv-SE', en: 'en-GB' };
  let lang = 'sv';

  /** The UI language: ?lang= wins, then the browser; Swedish unless the browser clearly prefers another language. */
  function detectLanguage(search, navigatorLanguages) {
    const asked = new URLSearchParams(search).get('lang');
    if (asked === 'sv' || asked === 'en') return asked;
    const first = (navigatorLanguages && navigatorLanguages[0]) || 'sv';
    return String(first).toLowerCase().startsWith('sv') ? 'sv' : 'en';
  }

  function setLanguage(value) { lang = value === 'en' ? 'en' : 'sv'; }
  function language() { return lang; }
  function locale() { return LOCALES[lang]; }

  /** A page text with {placeholders} filled in; values are inserted as text by the callers, never as HTML. */
  function t(key, vars) {
    const template = TEXTS[lang][key] ?? TEXTS.sv[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  }

  /**
   * A text about `count` things: the key's "One" variant when the language's plural rule says so and one
   * exists ("1 example"), else the key itself; {count} is filled in, formatted for the locale.
   */
  function tCount(key, count) {
    const one = `${key}One`;
    const useOne = new Intl.PluralRules(locale()).select(count) === 'one' && (one in TEXTS[lang] || one in TEXTS.sv);
    return t(useOne ? one : key, { count: formatNumber(count) });
  }

  /** The readable name of an id of the given kind, or the id itself when we have none. */
  function name(kind, id) {
    if (id === null || id === undefined || id === '') return t('unknown');
    const entry = (NAMES[kind] || {})[id];
    return entry ? entry[lang === 'en' ? 1 : 0] : String(id);
  }

  // ---- Numbers, rates, durations, dates -----------------------------------------------------------------

  const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

  function formatNumber(value, options) {
    return isNumber(value) ? new Intl.NumberFormat(locale(), options).format(value) : t('none');
  }

  /** 0–1 fraction → "45,6 %" / "45.6%"; null (nothing to divide by) → "–". */
  function formatPercent(fraction) {
    return formatNumber(fraction, { style: 'percent', maximumFractionDigits: 1 });
  }

  function formatRating(value) {
    return formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  }

  /** Seconds → "45 s", "3 min 5 s", "1 h 20 min": minutes and seconds are what a lead compares. */
  function formatDuration(seconds) {
    if (!isNumber(seconds) || seconds < 0) return t('none');
    const total = Math.round(seconds);
    const n = (value) => formatNumber(value);
    if (total < 60) return `${n(total)} s`;
    const minutes = Math.floor(total / 60);
    if (minutes < 60) return total % 60 ? `${n(minutes)} min ${n(total % 60)} s` : `${n(minutes)} min`;
    return `${n(Math.floor(minutes / 60))} h ${n(minutes % 60)} min`;
  }

  /** "2025-03-17" → a Date at UTC midnight, so formatting with timeZone UTC never shifts the day. */
  function parseDay(day) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day || ''));
    if (!match) return null;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.getUTCDate() === Number(match[3]) ? date : null;
  }

  /** "17–23 mars 2025" / "17–23 March 2025" (Intl collapses what the two days share). */
  function formatDayRange(from, to) {
    const first = parseDay(from);
    const last = parseDay(to);
    if (!first || !last) return `${from} – ${to}`;
    const format = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return typeof format.formatRange === 'function' ? format.formatRange(first, last) : `${format.format(first)} – ${format.format(last)}`;
  }

  /** A message's time in the support's time zone (the server names it); the browser's own zone if unknown. */
  function formatDateTime(iso, timeZone) {
    const date = new Date(iso);
    if (!iso || Number.isNaN(date.getTime())) return t('none');
    const options = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(locale(), { ...options, timeZone: timeZone || 'Europe/Stockholm' }).format(date);
    } catch {
      return new Intl.DateTimeFormat(locale(), options).format(date); // a zone id this browser does not know
    }
  }

  /** Hour of day → "08" for chart ticks, "08–09" for table rows. */
  function formatHour(hour, asRange) {
    const pad = (value) => String(value).padStart(2, '0');
    return asRange ? `${pad(hour)}–${pad((hour + 1) % 24)}` : pad(hour);
  }

  ns.labels = {
    TEXTS, detectLanguage, setLanguage, language, locale, t, tCount, name, isNumber,
    formatNumber, formatPercent, formatRating, formatDuration, formatDayRange, formatDateTime, formatHour, parseDay,
  };
})();
