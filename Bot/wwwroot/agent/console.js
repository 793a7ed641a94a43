// IQOS agent console (served at /agent). Plain ES2020, no build step; the only dependency is the
// SignalR browser client (global `signalR`). The contract with the server is Bot/AgentConsole/CONTRACT.md.
//
// Security rule for this file: every string that comes from the server (customer text, descriptions,
// names, phone numbers) reaches the DOM through textContent / text nodes only. Nothing here builds HTML
// from strings, so a customer cannot inject markup into an agent's browser.
(() => {
  'use strict';

  const API = '/agent/api';
  const HUB_URL = '/agent/hub';
  const LOGIN_URL = '/agent/login?returnUrl=/agent';
  const QUEUE_POLL_MS = 30000; // fallback when the hub is down or an event was missed
  const WAITING_TICK_MS = 15000; // keeps "väntat N min" moving between fetches
  const TYPING_THROTTLE_MS = 3000; // contract: at most one typing notice every 3 s
  const CUSTOMER_TYPING_MS = 4000; // the hub sends no "stopped typing", so the indicator times out
  const FLASH_MS = 10000;
  const MAX_MESSAGE = 2000;
  const MAX_NOTE = 1000;

  const LANGUAGES = {
    sv: 'Svenska', en: 'Engelska', de: 'Tyska', fi: 'Finska', no: 'Norska', nb: 'Norska', da: 'Danska',
    fr: 'Franska', es: 'Spanska', it: 'Italienska', pl: 'Polska', ar: 'Arabiska', ru: 'Ryska', uk: 'Ukrainska',
  };
  const CHANNELS = {
    webchat: 'Webbchatt', directline: 'Webbchatt', msteams: 'Teams', facebook: 'Messenger',
    whatsapp: 'WhatsApp', sms: 'SMS', emulator: 'Emulator', test: 'Test',
  };
  const STATUSES = { waiting: 'I kön', active: 'Pågår', closed: 'Avslutat', left: 'Kunden har lämnat' };
  const SENDERS = { customer: 'Kund', bot: 'Bot', agent: 'Agent', system: 'System' };

  const state = {
    me: null,
    csrfToken: '',
    waiting: [],
    mine: [],
    estimatedMinutes: null,
    queueSeq: 0, // only the newest queue response is rendered (responses can overtake each other)
    callbacks: [],
    callbacksSeq: 0,
    agents: [],
    openCase: null, // the CaseDetail shown in the main area
    openSeq: 0, // guards against a slow GET of a case the agent has already navigated away from
    entryKeys: new Set(), // transcript entries already rendered, so hub echoes and re-fetches never duplicate
    unread: new Set(), // ids (as strings) of my cases with messages the agent has not seen
    closingByMe: false,
    sending: false,
    lastTypingSentAt: 0,
    customerTypingTimer: 0,
    flashTimer: 0,
    waitingLabels: [], // [{ node, item, prefix }] refreshed by the waiting-time ticker
    connection: null,
    hubRestartPending: false,
    redirecting: false,
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------
  // Small DOM helpers (text only, never HTML)
  // ---------------------------------------------------------------------------------------------

  /** Creates an element; `text` and string children become text nodes, so server data stays inert. */
  function el(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
    if (options.testid) node.dataset.testid = options.testid;
    if (options.attrs) {
      for (const [name, value] of Object.entries(options.attrs)) {
        if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  /** Shows an error or info line at the top; it fades after a while so it never hides newer state. */
  function flash(message, kind = 'error') {
    const node = $('flash');
    node.textContent = message;
    node.dataset.kind = kind;
    node.hidden = false;
    clearTimeout(state.flashTimer);
    state.flashTimer = setTimeout(() => { node.hidden = true; }, FLASH_MS);
  }

  /** Screen-reader announcement; clearing first makes repeated identical messages be read again. */
  function announce(message) {
    const node = $('announcer');
    node.textContent = '';
    setTimeout(() => { node.textContent = message; }, 50);
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting
  // ---------------------------------------------------------------------------------------------

  function languageLabel(code) {
    if (!code) return 'Okänt språk';
    const base = String(code).toLowerCase().split(/[-_]/)[0];
    return LANGUAGES[base] || String(code);
  }

  function channelLabel(channel) {
    if (!channel) return 'Okänd kanal';
    return CHANNELS[String(channel).toLowerCase()] || String(channel);
  }

  // The bot's intent names, as an agent says them; an unknown name is shown as it is.
  const INTENTS = {
    HumanAgent: 'Vill prata med en person', RegisterDevice: 'Registrera enhet', RegistrationHelp: 'Fråga om registrering',
    WarrantyStatus: 'Kolla garanti', WarrantyInfo: 'Fråga om garanti', MoneyBackGuarantee: 'Pengarna tillbaka-garanti',
    CarePlus: 'Care Plus / förmånsprogram', IqosExpert: 'IQOS-expert', DeviceReplacement: 'Ersättningsenhet', InternationalSupport: 'Hjälp utomlands',
    Troubleshooting: 'Felsökning', Cleaning: 'Rengöring', ContactSupport: 'Kontakt och öppettider',
    AccessoriesDiscount: 'Tillbehörsrabatt', Marketing: 'Nyhetsbrev', AccountHelp: 'Konto',
  };
  // The journey the customer was in when they asked for a person (Dialogs/Main/JourneyDialogs.cs lists them;
  // a test checks that each has a label here).
  const DIALOGS = {
    RegistrationDialog: 'Registrering', WarrantyStatusDialog: 'Garantikoll', FaqDialog: 'Svar på fråga',
    BrokenDeviceDialog: 'Trasig enhet',
  };

  function dialogLabel(dialog) {
    return dialog ? (DIALOGS[dialog] || String(dialog)) : '–';
  }

  function intentLabel(intent) {
    return intent ? (INTENTS[intent] || String(intent)) : 'Okänt ärende';
  }

  function statusLabel(status) {
    return STATUSES[status] || String(status || '');
  }

  /** "3 min" for the agent; seconds are noise when choosing whom to help next. */
  function formatWaiting(seconds) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '–';
    const minutes = Math.floor(seconds / 60);
    if (minutes < 1) return 'under 1 min';
    if (minutes < 60) return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }

  /** Local clock time (the server sends UTC); adds the date for anything not from today. */
  function formatTime(iso, withDate = false) {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    const time = date.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
    if (!withDate || date.toDateString() === new Date().toDateString()) return time;
    return `${date.toLocaleDateString('sv-SE', { day: 'numeric', month: 'short' })} ${time}`;
  }

  /**
   * How long the customer has waited. While waiting, the server's waitingSeconds is advanced by the
   * time since we received it; once accepted, the wait is fixed (createdAt → acceptedAt).
   */
  function waitedSeconds(item) {
    const receivedAt = item._receivedAt || Date.now();
    if (item.status === 'waiting') {
      if (typeof item.waitingSeconds === 'number') return item.waitingSeconds + (Date.now() - receivedAt) / 1000;
      const created = Date.parse(item.createdAt);
      return Number.isNaN(created) ? NaN : (Date.now() - created) / 1000;
    }
    const created = Date.parse(item.createdAt);
    const accepted = Date.parse(item.acceptedAt);
    if (!Number.isNaN(created) && !Number.isNaN(accepted)) return Math.max(0, (accepted - created) / 1000);
    return typeof item.waitingSeconds === 'number' ? item.waitingSeconds : NaN;
  }

  /** Case ids may be GUID strings or numbers; comparing as strings avoids 1 !== "1" surprises. */
  const sameId = (a, b) => a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);

  const shortId = (id) => String(id).slice(0, 8);

  const entryKey = (entry) => `${entry.sender}|${entry.at}|${entry.text}`;

  /** Only digits and a leading + go into the tel: link, whatever the server sends. */
  function telHref(phone) {
    const cleaned = String(phone || '').replace(/[^\d+]/g, '');
    return cleaned ? `tel:${cleaned}` : null;
  }

  // ---------------------------------------------------------------------------------------------
  // API access
  // ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status) {
      super(`HTTP ${status}`);
      this.status = status;
    }
  }

  function goToLogin() {
    if (state.redirecting) return;
    state.redirecting = true;
    window.location.assign(LOGIN_URL);
  }

  /**
   * One place for every call: adds the CSRF header and JSON content type to POSTs (the server answers
   * 400 without them), sends a 401 to the sign-in page, and turns other failures into ApiError.
   */
  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      headers['X-CSRF-TOKEN'] = state.csrfToken;
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    let response;
    try {
      response = await fetch(API + path, init);
    } catch {
      throw new ApiError(0); // network down or server restarting
    }
    if (response.status === 401) {
      goToLogin();
      throw new ApiError(401);
    }
    if (!response.ok) throw new ApiError(response.status);
    const type = response.headers.get('Content-Type') || '';
    if (response.status === 204 || !type.includes('json')) return null;
    try {
      return await response.json();
    } catch {
      return null; // 200/202 with an empty body
    }
  }

  const ERROR_TEXTS = {
    accept: {
      404: 'Ärendet finns inte längre.',
      409: 'Ärendet har redan tagits av en kollega eller så har kunden lämnat kön.',
    },
    open: {
      403: 'Ärendet hanteras av en annan agent.',
      404: 'Ärendet finns inte längre.',
    },
    send: {
      400: `Meddelandet måste innehålla text och får vara högst ${MAX_MESSAGE} tecken.`,
      403: 'Ärendet är inte längre ditt. Meddelandet skickades inte.',
      409: 'Ärendet är inte längre aktivt. Meddelandet skickades inte.',
    },
    close: {
      400: `Skriv en avslutsanteckning (högst ${MAX_NOTE} tecken).`,
      403: 'Ärendet är inte längre ditt.',
      409: 'Ärendet är redan avslutat.',
    },
    transfer: {
      400: 'Överföringen gick inte. Välj en annan mottagare.',
      403: 'Ärendet är inte längre ditt.',
      404: 'Mottagaren eller ärendet finns inte längre.',
      409: 'Ärendet kan inte överföras just nu (det är inte längre aktivt).',
    },
    callback: {
      404: 'Återuppringningen finns inte längre.',
      409: 'Återuppringningen är redan markerad som klar.',
    },
    queue: {},
    callbacks: {},
  };

  /** Turns a failed call into a Swedish sentence an agent can act on. Null for 401 (we are leaving). */
  function describeError(error, action) {
    const status = error instanceof ApiError ? error.status : -1;
    if (status === 401) return null;
    const specific = (ERROR_TEXTS[action] || {})[status];
    if (specific) return specific;
    switch (status) {
      case 0: return 'Ingen kontakt med servern. Kontrollera anslutningen och försök igen.';
      case 400: return 'Servern avvisade begäran. Ladda om sidan och försök igen.';
      case 403: return 'Du har inte behörighet att göra detta.';
      case 404: return 'Hittades inte. Listan har uppdaterats.';
      case 409: return 'Ärendet har ändrats av någon annan. Listan har uppdaterats.';
      default: return status > 0 ? `Något gick fel (felkod ${status}). Försök igen.` : 'Något gick fel. Försök igen.';
    }
  }

  function showError(error, action) {
    const message = describeError(error, action);
    if (message) flash(message, 'error');
    if (!(error instanceof ApiError)) console.error(error); // a bug in this file, not a server answer
  }

  // ---------------------------------------------------------------------------------------------
  // Queue and "Mina ärenden"
  // ---------------------------------------------------------------------------------------------

  async function refreshQueue() {
    const seq = ++state.queueSeq;
    try {
      const data = await api('GET', '/queue');
      if (seq !== state.queueSeq || !data) return;
      const now = Date.now();
      state.waiting = (data.waiting || []).map((c) => Object.assign(c, { _receivedAt: now }));
      state.mine = (data.mine || []).map((c) => Object.assign(c, { _receivedAt: now }));
      state.estimatedMinutes = typeof data.estimatedMinutesPerCustomer === 'number' ? data.estimatedMinutesPerCustomer : null;
      // Forget unread marks for cases that are no longer mine (closed, transferred away).
      for (const id of [...state.unread]) {
        if (!state.mine.some((c) => sameId(c.id, id))) state.unread.delete(id);
      }
      renderQueue();
      renderMine();
      syncOpenCaseFromQueue();
    } catch (error) {
      if (seq === state.queueSeq) showError(error, 'queue');
    }
  }

  function renderQueue() {
    const list = $('queue');
    state.waitingLabels = []; // the old labels are about to leave the DOM
    const items = state.waiting.map(renderQueueItem);
    list.replaceChildren(...items);
    $('queue-empty').hidden = state.waiting.length > 0;
    const summary = [`${state.waiting.length} väntar`];
    if (state.estimatedMinutes !== null) summary.push(`ca ${state.estimatedMinutes} min/kund`);
    $('queue-summary').textContent = summary.join(' · ');
  }

  function renderQueueItem(item, index) {
    const position = item.position || index + 1;
    const waiting = el('span', { className: 'meta__waiting', text: `Väntat ${formatWaiting(waitedSeconds(item))}` });
    state.waitingLabels.push({ node: waiting, item, prefix: 'Väntat ' });

    const accept = el('button', {
      className: 'button button--small',
      text: 'Ta emot',
      testid: 'accept',
      attrs: { type: 'button', 'aria-label': `Ta emot kund nummer ${position} i kön` },
    });
    accept.addEventListener('click', () => acceptCase(item.id, accept));

    const li = el('li', { className: 'case-item queue-item', testid: 'queue-item' }, [
      el('div', { className: 'case-item__head' }, [
        el('span', { className: 'position', text: `#${position}`, attrs: { 'aria-label': `Plats ${position}` } }),
        el('span', { className: 'case-item__title', text: intentLabel(item.intent) }),
      ]),
      el('div', { className: 'meta' }, [
        el('span', { className: 'tag', text: languageLabel(item.language) }),
        el('span', { className: 'tag', text: channelLabel(item.channel) }),
        waiting,
      ]),
      item.description ? el('p', { className: 'description', text: item.description }) : null,
      el('div', { className: 'case-item__actions' }, [accept]),
    ]);
    li.dataset.caseId = String(item.id);
    return li;
  }

  function renderMine() {
    const list = $('my-cases');
    list.replaceChildren(...state.mine.map(renderMyCase));
    $('mine-empty').hidden = state.mine.length > 0;
  }

  function renderMyCase(item) {
    const isOpen = state.openCase && sameId(state.openCase.id, item.id);
    const isUnread = state.unread.has(String(item.id));
    const button = el('button', {
      className: 'my-case__button',
      attrs: { type: 'button', 'aria-current': isOpen ? 'true' : null },
    }, [
      el('span', { className: 'case-item__title', text: intentLabel(item.intent) }),
      el('span', { className: 'meta' }, [
        el('span', { className: 'tag', text: languageLabel(item.language) }),
        el('span', { className: 'tag', text: channelLabel(item.channel) }),
        el('span', { className: `status status--${item.status}`, text: statusLabel(item.status) }),
      ]),
      isUnread ? el('span', { className: 'unread-badge', text: 'Nytt meddelande' }) : null,
    ]);
    button.addEventListener('click', () => openCase(item.id));
    const li = el('li', {
      className: `case-item my-case${isOpen ? ' is-open' : ''}${isUnread ? ' is-unread' : ''}`,
      testid: 'my-case',
    }, [button]);
    li.dataset.caseId = String(item.id);
    if (isUnread) li.dataset.unread = 'true';
    return li;
  }

  /** Updates the "väntat" labels without re-rendering (re-rendering would steal keyboard focus). */
  function tickWaiting() {
    for (const { node, item, prefix } of state.waitingLabels) {
      node.textContent = `${prefix}${formatWaiting(waitedSeconds(item))}`;
    }
  }

  /**
   * If the queue says the open case has ended (a missed hub event), adopt it. Only terminal statuses:
   * a queue response fetched before a hub event must never re-enable a case the hub just closed.
   */
  function syncOpenCaseFromQueue() {
    const open = state.openCase;
    if (!open || open.status !== 'active') return;
    const listed = state.mine.find((c) => sameId(c.id, open.id));
    if (listed && (listed.status === 'left' || listed.status === 'closed')) {
      open.status = listed.status;
      renderCaseStatus();
    }
  }

  async function acceptCase(id, button) {
    button.disabled = true;
    try {
      const detail = await api('POST', `/cases/${encodeURIComponent(id)}/accept`);
      if (detail && detail.id !== undefined) showCase(detail);
      else await openCase(id);
      announce('Du har tagit emot ärendet.');
      $('message-input').focus();
    } catch (error) {
      showError(error, 'accept');
      button.disabled = false;
    } finally {
      refreshQueue(); // the accepted case moves from "Kö" to "Mina ärenden" (or vanished on 409)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Callbacks
  // ---------------------------------------------------------------------------------------------

  async function refreshCallbacks() {
    const seq = ++state.callbacksSeq;
    try {
      const data = await api('GET', '/callbacks');
      if (seq !== state.callbacksSeq) return;
      state.callbacks = Array.isArray(data) ? data : [];
      renderCallbacks();
    } catch (error) {
      if (seq === state.callbacksSeq) showError(error, 'callbacks');
    }
  }

  function renderCallbacks() {
    $('callbacks').replaceChildren(...state.callbacks.map(renderCallback));
    $('callbacks-empty').hidden = state.callbacks.length > 0;
    $('callbacks-summary').textContent = state.callbacks.length ? `${state.callbacks.length} öppna` : '';
  }

  function renderCallback(ticket) {
    const href = telHref(ticket.phone);
    const phone = href
      ? el('a', { className: 'phone', text: ticket.phone, attrs: { href } })
      : el('span', { className: 'phone', text: ticket.phone || 'Telefonnummer saknas' });

    const done = el('button', {
      className: 'button button--small button--secondary',
      text: 'Klar',
      testid: 'callback-done',
      attrs: { type: 'button', 'aria-label': `Markera återuppringning till ${ticket.phone || 'kund'} som klar` },
    });
    done.addEventListener('click', () => completeCallback(ticket.id, done));

    const li = el('li', { className: 'case-item callback', testid: 'callback' }, [
      el('div', { className: 'case-item__head' }, [
        el('time', { className: 'time', text: formatTime(ticket.createdAt, true), attrs: { datetime: ticket.createdAt } }),
        phone,
      ]),
      el('div', { className: 'meta' }, [
        el('span', { className: 'tag', text: languageLabel(ticket.language) }),
        ticket.intent ? el('span', { className: 'tag', text: intentLabel(ticket.intent) }) : null,
      ]),
      ticket.description ? el('p', { className: 'description', text: ticket.description }) : null,
      el('div', { className: 'case-item__actions' }, [done]),
    ]);
    li.dataset.callbackId = String(ticket.id);
    return li;
  }

  async function completeCallback(id, button) {
    button.disabled = true;
    try {
      await api('POST', `/callbacks/${encodeURIComponent(id)}/done`);
      announce('Återuppringningen är markerad som klar.');
    } catch (error) {
      showError(error, 'callback');
      button.disabled = false;
    } finally {
      refreshCallbacks();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The open case
  // ---------------------------------------------------------------------------------------------

  async function openCase(id) {
    const seq = ++state.openSeq;
    try {
      const detail = await api('GET', `/cases/${encodeURIComponent(id)}`);
      if (seq !== state.openSeq || !detail) return;
      showCase(detail);
    } catch (error) {
      if (seq === state.openSeq) showError(error, 'open');
      refreshQueue();
    }
  }

  /** Re-reads the open case (after send/close/hub reconnect) and merges entries we have not shown. */
  async function refreshOpenCase() {
    const open = state.openCase;
    if (!open) return;
    const seq = state.openSeq;
    try {
      const detail = await api('GET', `/cases/${encodeURIComponent(open.id)}`);
      if (seq !== state.openSeq || !detail || !state.openCase || !sameId(state.openCase.id, detail.id)) return;
      showCase(detail);
    } catch {
      // Best effort: the hub already delivered what matters, and a closed case may no longer be readable.
    }
  }

  /**
   * Shows a CaseDetail. For a different case the inputs are cleared and the transcript rebuilt; for the
   * case already on screen new entries are merged, so a half-written reply and the scroll position survive.
   */
  function showCase(detail) {
    const switching = !state.openCase || !sameId(state.openCase.id, detail.id);
    if (switching) state.openSeq++;
    else if ((state.openCase.status === 'closed' || state.openCase.status === 'left') && detail.status === 'active') {
      // A GET that left before the hub's closed/left event must not re-open the composer.
      // (A real re-activation arrives as caseChanged 'active', which updates the status first.)
      detail.status = state.openCase.status;
    }
    detail._receivedAt = Date.now();
    state.openCase = detail;
    state.unread.delete(String(detail.id));

    $('case-placeholder').hidden = true;
    $('case-view').hidden = false;
    $('case-view').dataset.caseId = String(detail.id);
    $('case-title').textContent = `Ärende ${shortId(detail.id)} – ${intentLabel(detail.intent)}`;

    if (switching) {
      $('message-input').value = '';
      $('close-note').value = '';
      state.lastTypingSentAt = 0;
      hideCustomerTyping();
      renderTranscript(detail.transcript || []);
      loadAgents();
    } else {
      for (const entry of detail.transcript || []) appendEntry(entry);
    }
    renderContext();
    renderCaseStatus();
    renderMine();
  }

  function clearCaseView() {
    state.openSeq++;
    state.openCase = null;
    state.entryKeys.clear();
    hideCustomerTyping();
    $('case-view').hidden = true;
    $('case-placeholder').hidden = false;
    $('transcript').replaceChildren();
    renderMine();
  }

  function renderContext() {
    const c = state.openCase;
    const rows = [
      ['Språk', languageLabel(c.language)],
      ['Ärende', intentLabel(c.intent)],
      ['Senaste dialog', dialogLabel(c.lastDialog)],
      ['Kanal', channelLabel(c.channel)],
      ['Väntetid', formatWaiting(waitedSeconds(c))],
      ['Beskrivning', c.description || '–'],
    ];
    if (c.resolutionNote) rows.push(['Avslutsanteckning', c.resolutionNote]);
    if (c.rating !== null && c.rating !== undefined) {
      rows.push(['Betyg', c.ratingComment ? `${c.rating} – ${c.ratingComment}` : String(c.rating)]);
    }
    $('case-context').replaceChildren(...rows.map(([term, value]) => el('div', { className: 'case-context__row' }, [
      el('dt', { text: term }),
      el('dd', { text: value }),
    ])));
  }

  /** Enables the composer and actions only while the case is active and mine; explains why otherwise. */
  function renderCaseStatus() {
    const c = state.openCase;
    if (!c) return;
    // Ownership is enforced by the server (403); the page only follows the status.
    const active = c.status === 'active';

    const badge = $('case-status');
    badge.textContent = statusLabel(c.status);
    badge.className = `status-badge status--${c.status}`;

    const notice = $('case-notice');
    const noticeText = caseNoticeText(c, active);
    notice.textContent = noticeText;
    notice.hidden = !noticeText;
    notice.dataset.status = c.status || '';

    if (!active) hideCustomerTyping();
    $('message-input').disabled = !active;
    $('transfer-to').disabled = !active;
    $('close-note').disabled = !active;
    updateButtons();
  }

  function caseNoticeText(c, active) {
    if (active) return '';
    switch (c.status) {
      case 'closed': return 'Ärendet är avslutat. Boten har tagit över samtalet med kunden.';
      case 'left': return 'Kunden har lämnat chatten. Du kan inte skicka fler meddelanden.';
      case 'waiting': return 'Ärendet ligger i kön och är inte ditt just nu.';
      default: return 'Ärendet hanteras av en annan agent.';
    }
  }

  /** Buttons depend on both the case state and the text in their fields. */
  function updateButtons() {
    const c = state.openCase;
    const active = Boolean(c) && !$('message-input').disabled;
    const message = $('message-input').value.trim();
    $('send').disabled = !active || state.sending || message.length === 0 || message.length > MAX_MESSAGE;
    $('transfer').disabled = !active;
    const note = $('close-note').value.trim();
    $('close-case').disabled = !active || state.closingByMe || note.length === 0 || note.length > MAX_NOTE;
  }

  // ---------------------------------------------------------------------------------------------
  // Transcript
  // ---------------------------------------------------------------------------------------------

  function renderTranscript(entries) {
    state.entryKeys.clear();
    $('transcript').replaceChildren();
    for (const entry of entries) appendEntry(entry, true);
    const list = $('transcript');
    list.scrollTop = list.scrollHeight;
  }

  /** Appends one entry unless it is already shown (the hub and a re-fetch can deliver the same one). */
  function appendEntry(entry, initial = false) {
    if (!entry) return;
    const key = entryKey(entry);
    if (state.entryKeys.has(key)) return;
    state.entryKeys.add(key);

    const list = $('transcript');
    const stick = initial || isNearBottom(list) || entry.sender === 'agent';
    const sender = SENDERS[entry.sender] ? entry.sender : 'system';
    const name = entry.name || SENDERS[sender];

    const li = el('li', { className: `entry entry--${sender}`, testid: 'entry' }, [
      el('div', { className: 'entry__head' }, [
        el('span', { className: 'entry__name', text: name }),
        el('time', { className: 'entry__time', text: formatTime(entry.at, true), attrs: { datetime: entry.at } }),
      ]),
      el('p', { className: 'entry__text', text: entry.text || '' }),
    ]);
    li.dataset.sender = String(entry.sender || 'system');
    list.append(li);
    // Follow the conversation, but not while the agent has scrolled up to read history.
    if (!initial && stick) list.scrollTop = list.scrollHeight;
  }

  function isNearBottom(node) {
    return node.scrollHeight - node.scrollTop - node.clientHeight < 80;
  }

  // ---------------------------------------------------------------------------------------------
  // Typing indicators
  // ---------------------------------------------------------------------------------------------

  function showCustomerTyping() {
    $('customer-typing').hidden = false;
    clearTimeout(state.customerTypingTimer);
    state.customerTypingTimer = setTimeout(hideCustomerTyping, CUSTOMER_TYPING_MS);
  }

  function hideCustomerTyping() {
    clearTimeout(state.customerTypingTimer);
    $('customer-typing').hidden = true;
  }

  /** Lets the customer see "agent skriver…" without flooding the server: at most one call per 3 s. */
  function notifyAgentTyping() {
    const c = state.openCase;
    if (!c || c.status !== 'active' || !$('message-input').value.trim()) return;
    const now = Date.now();
    if (now - state.lastTypingSentAt < TYPING_THROTTLE_MS) return;
    state.lastTypingSentAt = now;
    api('POST', `/cases/${encodeURIComponent(c.id)}/typing`).catch(() => {
      // A lost typing hint is harmless; 401 is already handled inside api().
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Actions on the open case
  // ---------------------------------------------------------------------------------------------

  async function sendMessage() {
    const c = state.openCase;
    const input = $('message-input');
    const text = input.value.trim();
    if (!c || c.status !== 'active' || !text || state.sending) return;
    if (text.length > MAX_MESSAGE) {
      flash(ERROR_TEXTS.send[400]);
      return;
    }
    state.sending = true;
    updateButtons();
    try {
      await api('POST', `/cases/${encodeURIComponent(c.id)}/messages`, { text });
      if (state.openCase && sameId(state.openCase.id, c.id)) input.value = '';
      state.lastTypingSentAt = 0;
      refreshOpenCase(); // shows the sent entry even if the hub does not echo the agent's own messages
    } catch (error) {
      showError(error, 'send'); // the text stays in the box so nothing is lost
      if (error instanceof ApiError && (error.status === 403 || error.status === 409)) {
        refreshOpenCase();
        refreshQueue();
      }
    } finally {
      state.sending = false;
      updateButtons();
      if (!input.disabled) input.focus();
    }
  }

  async function transferCase() {
    const c = state.openCase;
    if (!c || c.status !== 'active') return;
    const select = $('transfer-to');
    const to = select.value ? select.value : null;
    const target = to ? state.agents.find((a) => a.userName === to) : null;
    $('transfer').disabled = true;
    try {
      await api('POST', `/cases/${encodeURIComponent(c.id)}/transfer`, { to });
      clearCaseView();
      const message = to
        ? `Ärendet har överförts till ${target ? target.displayName || target.userName : to}.`
        : 'Ärendet har lagts tillbaka i kön.';
      flash(message, 'info');
      announce(message);
    } catch (error) {
      showError(error, 'transfer');
      updateButtons();
    } finally {
      refreshQueue();
    }
  }

  async function closeCase() {
    const c = state.openCase;
    const note = $('close-note').value.trim();
    if (!c || c.status !== 'active' || !note) return;
    if (note.length > MAX_NOTE) {
      flash(ERROR_TEXTS.close[400]);
      return;
    }
    state.closingByMe = true;
    updateButtons();
    try {
      await api('POST', `/cases/${encodeURIComponent(c.id)}/close`, { note });
      if (state.openCase && sameId(state.openCase.id, c.id)) {
        state.openCase.status = 'closed';
        state.openCase.resolutionNote = note;
        $('close-note').value = '';
        renderContext();
        renderCaseStatus();
      }
      announce('Ärendet är avslutat. Boten tar över och ber kunden om ett betyg.');
      refreshOpenCase();
    } catch (error) {
      showError(error, 'close');
      if (error instanceof ApiError && (error.status === 403 || error.status === 409)) refreshOpenCase();
    } finally {
      state.closingByMe = false;
      updateButtons();
      refreshQueue();
    }
  }

  /** Fills the transfer select; fetched when a case opens because online status changes during a shift. */
  async function loadAgents() {
    try {
      const data = await api('GET', '/agents');
      state.agents = Array.isArray(data) ? data : [];
    } catch {
      state.agents = []; // "Tillbaka till kön" still works without the list
    }
    renderAgents();
  }

  function renderAgents() {
    const select = $('transfer-to');
    const previous = select.value;
    const myName = state.me ? state.me.userName : null;
    const others = state.agents
      .filter((a) => a && a.userName && a.userName !== myName)
      .sort((a, b) => (Number(Boolean(b.online)) - Number(Boolean(a.online)))
        || String(a.displayName || a.userName).localeCompare(String(b.displayName || b.userName), 'sv'));
    const options = [new Option('Tillbaka till kön', '')];
    for (const agent of others) {
      // new Option(text, value) sets text, not HTML.
      const label = `${agent.displayName || agent.userName}${agent.online ? '' : ' (inte inloggad)'}`;
      options.push(new Option(label, agent.userName));
    }
    select.replaceChildren(...options);
    if (options.some((o) => o.value === previous)) select.value = previous;
  }

  // ---------------------------------------------------------------------------------------------
  // Hub events
  // ---------------------------------------------------------------------------------------------

  function onCaseMessage(caseId, entry) {
    if (state.openCase && sameId(state.openCase.id, caseId)) {
      if (entry && entry.sender === 'customer') hideCustomerTyping();
      appendEntry(entry);
      return;
    }
    // Not on screen: flag it in "Mina ärenden" so the agent notices.
    state.unread.add(String(caseId));
    if (state.mine.some((c) => sameId(c.id, caseId))) renderMine();
    else refreshQueue(); // a case we do not know yet (e.g. just transferred to us)
    if (entry && entry.sender === 'customer') announce('Nytt meddelande i ett av dina ärenden.');
  }

  function onCustomerTyping(caseId) {
    if (state.openCase && sameId(state.openCase.id, caseId) && state.openCase.status === 'active') showCustomerTyping();
  }

  function onCaseChanged(caseId, status) {
    const open = state.openCase;
    if (open && sameId(open.id, caseId)) {
      const previous = open.status;
      open.status = status;
      renderCaseStatus();
      if (status !== previous) {
        if (status === 'left') announce('Kunden har lämnat chatten.');
        else if (status === 'closed' && !state.closingByMe) announce('Ärendet har avslutats.');
        refreshOpenCase(); // picks up system entries that explain the change
      }
    } else if (status === 'active') {
      // Typically a colleague transferred this case to us: highlight it until opened.
      state.unread.add(String(caseId));
      announce('Du har fått ett nytt ärende i Mina ärenden.');
    }
    refreshQueue();
  }

  // ---------------------------------------------------------------------------------------------
  // SignalR connection
  // ---------------------------------------------------------------------------------------------

  const CONNECTION_TEXTS = {
    connecting: 'Ansluter…',
    online: 'Live',
    reconnecting: 'Återansluter…',
    offline: 'Offline – kön uppdateras var 30:e sekund',
  };

  function setConnection(status) {
    const node = $('connection-status');
    node.dataset.state = status;
    node.textContent = CONNECTION_TEXTS[status] || status;
  }

  function startHub() {
    if (typeof window.signalR === 'undefined') {
      setConnection('offline'); // polling still keeps the queue fresh
      return;
    }
    // Straight to a WebSocket, no negotiate request: behind a load balancer without affinity the negotiate and the
    // socket may reach different instances, and the second would not know the first's connection id.
    const connection = new window.signalR.HubConnectionBuilder()
      .withUrl(HUB_URL, { skipNegotiation: true, transport: window.signalR.HttpTransportType.WebSockets })
      .withAutomaticReconnect()
      .configureLogging(window.signalR.LogLevel.Warning)
      .build();

    connection.on('queueChanged', () => refreshQueue());
    connection.on('callbacksChanged', () => refreshCallbacks());
    connection.on('caseMessage', (caseId, entry) => onCaseMessage(caseId, entry));
    connection.on('customerTyping', (caseId) => onCustomerTyping(caseId));
    connection.on('caseChanged', (caseId, status) => onCaseChanged(caseId, status));

    connection.onreconnecting(() => setConnection('reconnecting'));
    connection.onreconnected(() => {
      setConnection('online');
      refreshAll(); // events sent while we were away are lost; re-read everything
    });
    // Automatic reconnect gives up after a few tries; keep trying slowly so a long outage heals itself.
    connection.onclose(() => {
      setConnection('offline');
      scheduleHubRestart(1);
    });

    state.connection = connection;
    connectHub(0);
  }

  async function connectHub(attempt) {
    state.hubRestartPending = false;
    const connection = state.connection;
    if (!connection || connection.state !== window.signalR.HubConnectionState.Disconnected) return;
    setConnection(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      await connection.start();
      setConnection('online');
      if (attempt > 0) refreshAll();
    } catch {
      setConnection('offline');
      await checkSession(); // a failed negotiate is often an expired sign-in → 401 → login page
      scheduleHubRestart(attempt + 1);
    }
  }

  function scheduleHubRestart(attempt) {
    if (state.hubRestartPending || state.redirecting) return;
    state.hubRestartPending = true;
    const delay = Math.min(30000, 2000 * 2 ** Math.min(attempt, 4));
    setTimeout(() => connectHub(attempt), delay);
  }

  async function checkSession() {
    try {
      await api('GET', '/me');
    } catch {
      // 401 already redirected; anything else is a network problem the retry loop handles.
    }
  }

  function refreshAll() {
    refreshQueue();
    refreshCallbacks();
    refreshOpenCase();
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring and start-up
  // ---------------------------------------------------------------------------------------------

  function bindEvents() {
    const input = $('message-input');
    $('compose').addEventListener('submit', (event) => {
      event.preventDefault();
      sendMessage();
    });
    input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a newline; never send while an IME composition is open.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendMessage();
      }
    });
    input.addEventListener('input', () => {
      updateButtons();
      notifyAgentTyping();
    });

    $('close-note').addEventListener('input', updateButtons);
    $('close-form').addEventListener('submit', (event) => {
      event.preventDefault();
      closeCase();
    });
    $('transfer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      transferCase();
    });
    $('logout-form').addEventListener('submit', (event) => {
      // Without the antiforgery token the server rejects the logout; wait until /me has answered.
      if (!$('logout-token').value) event.preventDefault();
    });
  }

  async function loadMe() {
    const me = await api('GET', '/me');
    state.me = me || {};
    state.csrfToken = state.me.csrfToken || '';
    $('agent-name').textContent = state.me.displayName || state.me.userName || '';
    $('logout-token').value = state.csrfToken;
    $('logout').disabled = !state.csrfToken;
    $('insights-link').hidden = state.me.isLead !== true; // the page and its API answer 403 to everyone else
  }

  async function init() {
    try {
      await loadMe();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      showError(error, 'me');
      setTimeout(init, 5000); // the server may be restarting; nothing works without the CSRF token
      return;
    }
    await Promise.all([refreshQueue(), refreshCallbacks(), loadAgents()]);
    startHub();
    setInterval(() => {
      refreshQueue();
      refreshCallbacks();
    }, QUEUE_POLL_MS);
    setInterval(() => {
      tickWaiting();
      if (state.openCase && state.openCase.status === 'waiting') renderContext();
    }, WAITING_TICK_MS);
  }

  function start() {
    bindEvents();
    init();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
