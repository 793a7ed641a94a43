// Team leads' insights (served at /agent/insights). Plain ES2020, no build step; Chart.js (window.Chart) draws the
// charts. The contract with the server is Bot/AgentConsole/CONTRACT.md, section "Insights (team leads)".
//
// This file wires the page: the range form and its place in the URL (so a lead can bookmark or share a view),
// the UI language, the one API call and its errors. The sections are drawn by insights-sections.js; like
// console.js, nothing here puts a server string into the DOM other than as text.
(() => {
  'use strict';

  const ns = window.IqosInsights;
  const L = ns.labels;
  const API = '/agent/api/insights';
  const EXPORT = '/agent/api/insights/export';
  const MAX_DAYS = 366; // the server's limit (CONTRACT.md); checked here too for a clearer message
  const SUPPORT_TIME_ZONE = 'Europe/Stockholm'; // the server counts days there; "last week" should agree
  const SECTIONS = ['ratings', 'escalations', 'intents', 'faq', 'funnels', 'queue', 'hours', 'unanswered'];

  const state = {
    seq: 0, // only the newest answer is rendered: a slow answer for an old range must not overwrite a new one
    data: null, // the last Insights shown, kept to redraw when the UI language changes
    query: null, // { from, to, language } of the last request
    errorView: null, // the error on show, as a function of the UI language (see showError)
    redirecting: false,
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------
  // Days and the URL
  // ---------------------------------------------------------------------------------------------

  const pad = (value) => String(value).padStart(2, '0');
  const isoDay = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

  /** Today's date in Stockholm as a UTC-midnight Date (day arithmetic in UTC never meets a DST jump). */
  function todayInStockholm() {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: SUPPORT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
      const get = (type) => Number(parts.find((part) => part.type === type).value);
      return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
    } catch {
      const now = new Date(); // a browser without that zone: its own day is near enough
      return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    }
  }

  /** The last full Monday–Sunday week before today: what a lead reviews on a Monday morning. */
  function lastFullWeek() {
    const today = todayInStockholm();
    const daysSinceMonday = (today.getUTCDay() + 6) % 7;
    const monday = new Date(today.getTime() - (daysSinceMonday + 7) * 86400000);
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    return { from: isoDay(monday), to: isoDay(sunday) };
  }

  /** The range in the address bar, or last week; a malformed day in a shared link falls back instead of failing. */
  function queryFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const fallback = lastFullWeek();
    const from = L.parseDay(params.get('from')) ? params.get('from') : null;
    const to = L.parseDay(params.get('to')) ? params.get('to') : null;
    const language = ['sv', 'en'].includes(params.get('language')) ? params.get('language') : '';
    return from && to ? { from, to, language } : { ...fallback, language };
  }

  /** from, to and (when one is chosen) language: the same for the API call and the address bar. */
  function queryString(query) {
    const params = new URLSearchParams({ from: query.from, to: query.to });
    if (query.language) params.set('language', query.language);
    return params.toString();
  }

  /**
   * Puts a newly chosen range (and the UI language, if one was picked) in the address bar as a history entry,
   * so Back returns to the previous range. A bare /agent/insights is left alone: as a bookmark it means
   * "last week", whenever it is opened.
   */
  function pushUrl(query) {
    const params = new URLSearchParams(queryString(query));
    const uiLang = new URLSearchParams(window.location.search).get('lang');
    if (uiLang) params.set('lang', uiLang);
    const url = `${window.location.pathname}?${params.toString()}`;
    if (url !== window.location.pathname + window.location.search) window.history.pushState(null, '', url);
  }

  function validate(query) {
    const first = L.parseDay(query.from);
    const last = L.parseDay(query.to);
    if (!first || !last) return L.t('errorDates');
    if (first > last) return L.t('errorOrder');
    if ((last - first) / 86400000 + 1 > MAX_DAYS) return L.t('errorTooLong', { days: MAX_DAYS });
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // UI language
  // ---------------------------------------------------------------------------------------------

  /** Translates every element marked data-i18n (text) or data-i18n-aria-label, and the toggle itself. */
  function applyTexts() {
    document.documentElement.lang = L.language();
    document.title = L.t('pageTitle');
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = L.t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', L.t(node.dataset.i18nAriaLabel));
    const toggle = $('lang-toggle');
    toggle.textContent = L.t('toggleLabel');
    toggle.setAttribute('aria-label', L.t('toggleAria'));
    toggle.lang = L.language() === 'sv' ? 'en' : 'sv'; // the button speaks the language it switches to
    for (const link of document.querySelectorAll('a[data-export]')) {
      const heading = link.closest('section').querySelector('h2');
      link.setAttribute('aria-label', L.t('downloadAria', { what: heading ? heading.textContent : link.dataset.export }));
    }
  }

  function toggleLanguage() {
    L.setLanguage(L.language() === 'sv' ? 'en' : 'sv');
    const params = new URLSearchParams(window.location.search);
    params.set('lang', L.language());
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
    applyTexts();
    if (state.data) render(state.data); // charts and tables carry words and number formats too
    if (state.errorView) showError(state.errorView);
  }

  // ---------------------------------------------------------------------------------------------
  // Loading and errors
  // ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, serverText) {
      super(`HTTP ${status}`);
      this.status = status;
      this.serverText = serverText;
    }
  }

  function goToLogin() {
    if (state.redirecting) return;
    state.redirecting = true;
    const back = window.location.pathname + window.location.search;
    window.location.assign(`/agent/login?returnUrl=${encodeURIComponent(back)}`);
  }

  /** The server's { error } sentence from a 400, if it sent one. */
  async function errorText(response) {
    try {
      const body = await response.json();
      return body && typeof body.error === 'string' ? body.error : '';
    } catch {
      return '';
    }
  }

  async function fetchInsights(query) {
    let response;
    try {
      response = await fetch(`${API}?${queryString(query)}`, {
        headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store',
      });
    } catch {
      throw new ApiError(0); // offline, or the server restarting
    }
    if (response.status === 401) {
      goToLogin();
      throw new ApiError(401);
    }
    if (!response.ok) throw new ApiError(response.status, response.status === 400 ? await errorText(response) : '');
    return response.json();
  }

  /**
   * Shows an error above the figures. `view` returns { message, retry } in the current UI language; it is kept
   * so the language toggle can say the same thing in the other language. `retry` adds the button.
   */
  function showError(view) {
    state.errorView = view;
    const { message, retry } = view();
    $('insights-error-text').textContent = message;
    $('insights-retry').hidden = !retry;
    $('insights-error').hidden = false;
  }

  function clearError() {
    state.errorView = null;
    $('insights-error').hidden = true;
    $('insights-error-text').textContent = '';
  }

  function describe(error) {
    if (!(error instanceof ApiError)) return { message: L.t('errorServer', { status: 'JS' }), retry: true };
    switch (error.status) {
      case 0: return { message: L.t('errorNetwork'), retry: true };
      case 400: return { message: L.t('errorBadRequest', { error: error.serverText || '?' }), retry: false };
      case 403: return { message: L.t('errorForbidden'), retry: false };
      default: return { message: L.t('errorServer', { status: error.status }), retry: true };
    }
  }

  function setLoading(loading) {
    const main = $('insights-main');
    main.setAttribute('aria-busy', loading ? 'true' : 'false');
    $('insights-submit').disabled = loading;
    if (loading) {
      // Tests wait for this marker; it must not linger from the previous range.
      document.body.dataset.loaded = 'false';
      main.removeAttribute('data-testid');
      announce(L.t('loading'));
    }
  }

  async function load(query) {
    const seq = ++state.seq;
    state.query = query;
    clearError();
    setLoading(true);
    try {
      const data = await fetchInsights(query);
      if (seq !== state.seq) return;
      state.data = data;
      render(data);
      announce(L.t('loaded', { range: L.formatDayRange(data.from, data.to) }));
    } catch (error) {
      if (seq !== state.seq || (error instanceof ApiError && error.status === 401)) return;
      if (!(error instanceof ApiError)) console.error(error); // a bug in these files, not a server answer
      // The figures below are for another range now (or, on 403, for nobody): hide them rather than mislead.
      ns.charts.destroyAll();
      $('insights-main').hidden = true;
      state.data = null;
      if (error instanceof ApiError && error.status === 403) $('insights-form').hidden = true;
      showError(() => describe(error));
    } finally {
      if (seq === state.seq) setLoading(false);
    }
  }

  function announce(message) {
    const node = $('announcer');
    node.textContent = '';
    setTimeout(() => { node.textContent = message; }, 50);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  function kpiNodes() {
    return {
      conversations: $('kpi-conversations'), conversationsNote: $('kpi-conversations-note'), containment: $('kpi-containment'),
      escalation: $('kpi-escalation'), abandonment: $('kpi-abandonment'), rating: $('kpi-rating'), ratingNote: $('kpi-rating-note'),
    };
  }

  function slot(name) {
    return document.querySelector(`[data-slot="${name}"]`);
  }

  /** Draws everything for one Insights answer; old charts go first (Chart.js holds observers until destroyed). */
  function render(data) {
    ns.charts.destroyAll();
    const main = $('insights-main');
    main.hidden = false; // before drawing: a chart in a hidden box measures 0×0
    const language = data.language ? L.name('language', data.language) : L.t('rangeAllLanguages');
    $('range-title').textContent = `${L.t('rangeTitle', { range: L.formatDayRange(data.from, data.to) })} · ${language}`;
    $('range-empty').hidden = Number(data.conversations) > 0;
    ns.sections.summary(slot('summary'), data, kpiNodes());
    for (const name of SECTIONS) {
      try {
        ns.sections[name](slot(name), data);
      } catch (error) {
        // One malformed section must not take the others down; the console shows which.
        console.error(`insights: section ${name}`, error);
      }
    }
    updateExportLinks(data);
    document.body.dataset.loaded = 'true';
    main.dataset.testid = 'insights-loaded';
  }

  /** CSV links for the range actually shown (the server's echo), so a download matches the page. */
  function updateExportLinks(data) {
    const from = data.from || state.query.from;
    const to = data.to || state.query.to;
    const language = data.language || '';
    for (const link of document.querySelectorAll('a[data-export]')) {
      const params = new URLSearchParams({ table: link.dataset.export, from, to });
      if (language) params.set('language', language);
      link.href = `${EXPORT}?${params.toString()}`;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Form and start-up
  // ---------------------------------------------------------------------------------------------

  function fillForm(query) {
    $('insights-from').value = query.from;
    $('insights-to').value = query.to;
    $('insights-language').value = query.language;
  }

  function readForm() {
    return { from: $('insights-from').value, to: $('insights-to').value, language: $('insights-language').value };
  }

  /** Loads a range after the same checks the server makes, so a typo gets a message in the lead's language. */
  function loadChecked(query, addToHistory) {
    if (validate(query)) {
      showError(() => ({ message: validate(query), retry: false }));
      return;
    }
    if (addToHistory) pushUrl(query);
    load(query);
  }

  function onSubmit(event) {
    event.preventDefault();
    loadChecked(readForm(), true);
  }

  function start() {
    L.setLanguage(L.detectLanguage(window.location.search, navigator.languages || [navigator.language]));
    applyTexts();
    const today = isoDay(todayInStockholm());
    $('insights-from').max = today;
    $('insights-to').max = today;
    $('insights-form').addEventListener('submit', onSubmit);
    $('lang-toggle').addEventListener('click', toggleLanguage);
    $('insights-retry').addEventListener('click', () => load(state.query || queryFromUrl()));
    // Back and forward move between ranges the lead looked at.
    window.addEventListener('popstate', () => {
      const query = queryFromUrl();
      fillForm(query);
      loadChecked(query, false);
    });
    const query = queryFromUrl();
    fillForm(query);
    loadChecked(query, false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
