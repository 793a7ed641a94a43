// Team leads' insights: one render function per section of the page, from the `Insights` JSON (CONTRACT.md).
// Each section gets a chart and a table with the same figures; when there is nothing to draw, a short friendly
// sentence takes the chart's place (an empty axis looks broken), and the table says the same in its body.
(() => {
  'use strict';

  const ns = (window.IqosInsights = window.IqosInsights || {});
  const L = ns.labels;
  const C = ns.charts;
  const { el, table, groupedTable, unansweredDetails } = ns.tables;

  const list = (value) => (Array.isArray(value) ? value : []);
  const num = (value) => (L.isNumber(value) ? value : 0);
  const sum = (values) => values.reduce((total, value) => total + num(value), 0);
  const chart = (hasData, emptyText, draw) => ({ hasData, emptyText, draw });

  /**
   * Fills a section's slot: the chart (or its empty state) first, the table beside or under it (CSS decides).
   * The chart is drawn only once its box is in the page, so Chart.js measures the real size at once.
   */
  function fill(slot, chart, tableArea) {
    const chartArea = el('div', { className: 'insight-card__chart' });
    slot.replaceChildren(chartArea, el('div', { className: 'insight-card__table' }, tableArea));
    if (chart.hasData) chart.draw(chartArea);
    else chartArea.append(emptyState(chart.emptyText));
  }

  function emptyState(text) {
    return el('p', { className: 'empty-state', text });
  }

  // ---- Key figures --------------------------------------------------------------------------------------

  function summary(slot, data, kpis) {
    kpis.conversations.textContent = L.formatNumber(data.conversations);
    kpis.conversationsNote.textContent = L.isNumber(data.engagedConversations)
      ? L.t('kpiEngaged', { count: L.formatNumber(data.engagedConversations) }) : '';
    kpis.containment.textContent = L.formatPercent(data.containmentRate);
    kpis.escalation.textContent = L.formatPercent(data.escalationRate);
    kpis.abandonment.textContent = L.formatPercent(data.abandonmentRate);
    kpis.rating.textContent = L.formatRating(data.averageRating);
    const ratingCount = sum(list(data.ratings).map((row) => row.count));
    kpis.ratingNote.textContent = ratingCount ? L.tCount('kpiRatingNote', ratingCount) : L.t('kpiNoRatings');

    const rows = [
      [L.t('summaryPeriod'), L.formatDayRange(data.from, data.to)],
      [L.t('summaryLanguage'), data.language ? L.name('language', data.language) : L.t('languageAll')],
      [L.t('kpiConversations'), L.formatNumber(data.conversations)],
      [L.t('summaryEngaged'), L.formatNumber(data.engagedConversations)],
      [L.t('kpiContainment'), L.formatPercent(data.containmentRate)],
      [L.t('kpiEscalation'), L.formatPercent(data.escalationRate)],
      [L.t('kpiAbandonment'), L.formatPercent(data.abandonmentRate)],
      [L.t('kpiRating'), L.formatRating(data.averageRating)],
    ];
    slot.replaceChildren(table({
      testid: 'table-summary',
      caption: L.t('summaryCaption'),
      columns: [{ label: L.t('measure') }, { label: L.t('value'), numeric: true }],
      rows,
    }));
  }

  // ---- Ratings ------------------------------------------------------------------------------------------

  function ratings(slot, data) {
    const rows = list(data.ratings).slice().sort((a, b) => num(a.rating) - num(b.rating));
    const labels = rows.map((row) => String(row.rating));
    const counts = rows.map((row) => num(row.count));
    fill(slot, chart(sum(counts) > 0, L.t('ratingsEmpty'), (holder) => C.bar(holder, {
      testid: 'chart-ratings', title: L.t('ratingsCaption'), labels, size: 'small',
      datasets: [{ label: L.t('ratingsDataset'), data: counts, color: C.COLORS.teal }],
    })), [table({
      testid: 'table-ratings', caption: L.t('ratingsCaption'), emptyText: L.t('ratingsEmpty'),
      columns: [{ label: L.t('rating') }, { label: L.t('count'), numeric: true }],
      rows: rows.map((row) => [String(row.rating), L.formatNumber(row.count)]),
    })]);
  }

  // ---- Escalations and handoffs -------------------------------------------------------------------------

  const HANDOFF_KEYS = ['requested', 'queued', 'accepted', 'closed', 'callbacks', 'leftQueue'];

  function escalations(slot, data) {
    const rows = list(data.escalations);
    const labels = rows.map((row) => L.name('trigger', row.trigger));
    const counts = rows.map((row) => num(row.count));
    const handoffs = data.handoffs || {};
    fill(slot, chart(sum(counts) > 0, L.t('escalationsEmpty'), (holder) => C.bar(holder, {
      testid: 'chart-escalations', title: L.t('escalationsCaption'), labels, horizontal: true, size: sizeFor(rows.length),
      datasets: [{ label: L.t('escalationsDataset'), data: counts, color: C.COLORS.petrol }],
    })), [
      table({
        testid: 'table-escalations', caption: L.t('escalationsCaption'), emptyText: L.t('escalationsEmpty'),
        columns: [{ label: L.t('trigger') }, { label: L.t('count'), numeric: true }],
        rows: rows.map((row, i) => [labels[i], L.formatNumber(row.count)]),
      }),
      table({
        testid: 'table-handoffs', caption: L.t('handoffsCaption'),
        columns: [{ label: L.t('handoffStep') }, { label: L.t('count'), numeric: true }],
        rows: HANDOFF_KEYS.map((key) => [L.name('handoff', key), L.formatNumber(num(handoffs[key]))]),
      }),
    ]);
  }

  /** Horizontal charts grow with their rows so long intent names never get squeezed. */
  function sizeFor(rowCount) {
    if (rowCount > 8) return 'tall';
    return rowCount > 4 ? 'medium' : 'small';
  }

  // ---- Top intents --------------------------------------------------------------------------------------

  function intents(slot, data) {
    const rows = list(data.topIntents).slice().sort((a, b) => num(b.count) - num(a.count));
    const labels = rows.map((row) => L.name('intent', row.intent));
    const counts = rows.map((row) => num(row.count));
    fill(slot, chart(sum(counts) > 0, L.t('intentsEmpty'), (holder) => C.bar(holder, {
      testid: 'chart-intents', title: L.t('intentsCaption'), labels, horizontal: true, size: sizeFor(rows.length),
      datasets: [{ label: L.t('messages'), data: counts, color: C.COLORS.teal }],
    })), [table({
      testid: 'table-intents', caption: L.t('intentsCaption'), emptyText: L.t('intentsEmpty'),
      columns: [{ label: L.t('intent') }, { label: L.t('messages'), numeric: true }],
      rows: rows.map((row, i) => [labels[i], L.formatNumber(row.count)]),
    })]);
  }

  // ---- "Did this help?" ---------------------------------------------------------------------------------

  /** Of those who answered the question, the share that said yes; null when nobody answered. */
  function shareHelped(row) {
    const answered = num(row.helped) + num(row.notHelped);
    return answered ? num(row.helped) / answered : null;
  }

  function faq(slot, data) {
    const rows = list(data.faqAnswers);
    const labels = rows.map((row) => L.name('intent', row.answer));
    fill(slot, chart(rows.length > 0, L.t('faqEmpty'), (holder) => C.bar(holder, {
      testid: 'chart-faq', title: L.t('faqCaption'), labels, horizontal: true, stacked: true, size: sizeFor(rows.length),
      datasets: [
        { label: L.t('helped'), data: rows.map((row) => num(row.helped)), color: C.COLORS.teal },
        { label: L.t('notHelped'), data: rows.map((row) => num(row.notHelped)), color: C.COLORS.rust },
      ],
    })), [table({
      testid: 'table-faq', caption: L.t('faqCaption'), emptyText: L.t('faqEmpty'),
      columns: [
        { label: L.t('answer') }, { label: L.t('shown'), numeric: true }, { label: L.t('helped'), numeric: true },
        { label: L.t('notHelped'), numeric: true }, { label: L.t('shareHelped'), numeric: true },
      ],
      rows: rows.map((row, i) => [
        labels[i], L.formatNumber(row.shown), L.formatNumber(row.helped), L.formatNumber(row.notHelped), L.formatPercent(shareHelped(row)),
      ]),
    })]);
  }

  // ---- Funnels ------------------------------------------------------------------------------------------

  /**
   * Nobody goes further than "completed", so the server's drop-off there equals everyone who completed: true,
   * but read as "lost" it would mislead. The page shows no drop-off for that step (the CSV keeps the raw figure).
   */
  const dropOffOf = (step) => (step.step === 'completed' ? null : num(step.dropOff));

  function funnels(slot, data) {
    const all = list(data.funnels);
    const chartArea = el('div', { className: 'insight-card__chart insight-card__chart--full' });
    slot.replaceChildren(chartArea, el('div', { className: 'insight-card__table insight-card__table--full' }, [funnelTable(all)]));
    if (!all.length) {
      chartArea.append(emptyState(L.t('funnelsEmpty')));
      return;
    }
    const row = el('div', { className: 'funnels', testid: 'chart-funnels' });
    chartArea.append(row);
    for (const funnel of all) funnelChart(row, funnel);
  }

  /** One funnel: its journey's name over a bar chart of customers reaching, and stopping at, each step. */
  function funnelChart(row, funnel) {
    const steps = list(funnel.steps);
    const journey = L.name('journey', funnel.journey);
    const figure = el('figure', { className: 'funnel' }, [el('figcaption', { text: journey })]);
    row.append(figure);
    const reached = steps.map((step) => num(step.conversations));
    if (sum(reached) === 0) {
      figure.append(emptyState(L.t('funnelEmpty')));
      return;
    }
    C.bar(figure, {
      testid: `chart-funnels-${funnel.journey}`, title: L.t('funnelChart', { journey }), size: 'medium',
      labels: steps.map((step) => L.name('step', step.step)),
      datasets: [
        { label: L.t('reached'), data: reached, color: C.COLORS.teal },
        { label: L.t('dropOff'), data: steps.map(dropOffOf), color: C.COLORS.rust },
      ],
    });
  }

  function funnelTable(all) {
    return groupedTable({
      testid: 'table-funnels', caption: L.t('funnelsCaption'),
      columns: [
        { label: L.t('step') }, { label: L.t('reached'), numeric: true }, { label: L.t('dropOff'), numeric: true },
        { label: L.t('dropOffShare'), numeric: true },
      ],
      groups: all.map((funnel) => {
        const steps = list(funnel.steps);
        const reachedAny = steps.some((step) => num(step.conversations) > 0);
        return {
          label: L.name('journey', funnel.journey),
          emptyText: L.t('funnelEmpty'),
          rows: reachedAny ? steps.map((step) => {
            const dropOff = dropOffOf(step);
            const share = dropOff !== null && num(step.conversations) ? dropOff / num(step.conversations) : null;
            return [L.name('step', step.step), L.formatNumber(step.conversations), L.formatNumber(dropOff), L.formatPercent(share)];
          }) : [],
        };
      }),
    });
  }

  // ---- Queue wait and handling time ---------------------------------------------------------------------

  const PERCENTILES = ['p50', 'p90', 'p95', 'max'];

  function queue(slot, data) {
    const measures = [
      { label: L.t('queueWait'), figures: data.queueWait || {}, color: C.COLORS.teal },
      { label: L.t('handlingTime'), figures: data.handlingTime || {}, color: C.COLORS.petrol },
    ];
    const hasData = measures.some((m) => num(m.figures.count) > 0);
    const toMinutes = (seconds) => (L.isNumber(seconds) ? Math.round((seconds / 60) * 10) / 10 : null);
    fill(slot, chart(hasData, L.t('queueEmpty'), (holder) => C.bar(holder, {
      testid: 'chart-queue', title: L.t('queueCaption'), size: 'small', decimals: true, valueTitle: L.t('minutes'),
      labels: PERCENTILES.map((key) => L.t(key)),
      // Bars in minutes (one axis for both), tooltips and the summary in minutes and seconds.
      format: (minutes) => L.formatDuration(L.isNumber(minutes) ? minutes * 60 : null),
      datasets: measures.map((m) => ({ label: m.label, data: PERCENTILES.map((key) => toMinutes(m.figures[key])), color: m.color })),
    })), [
      table({
        testid: 'table-queue', caption: L.t('queueCaption'),
        columns: [{ label: L.t('measure') }, { label: L.t('count'), numeric: true }, ...PERCENTILES.map((key) => ({ label: L.t(key), numeric: true }))],
        rows: measures.map((m) => [m.label, L.formatNumber(num(m.figures.count)), ...PERCENTILES.map((key) => L.formatDuration(m.figures[key]))]),
      }),
      el('p', { className: 'hint', text: L.t('percentileNote') }),
    ]);
  }

  // ---- Volume by hour -----------------------------------------------------------------------------------

  function hours(slot, data) {
    // Always 24 rows, whatever the server sends, so hour n is in column n.
    const byHour = new Map(list(data.volumeByHour).map((row) => [row.hour, row]));
    const rows = Array.from({ length: 24 }, (_, hour) => {
      const row = byHour.get(hour) || {};
      const total = num(row.conversations);
      const outside = Math.min(num(row.outsideOpeningHours), total);
      return { hour, total, outside, inside: total - outside };
    });
    fill(slot, chart(sum(rows.map((row) => row.total)) > 0, L.t('hoursEmpty'), (holder) => C.bar(holder, {
      testid: 'chart-hours', title: L.t('hoursCaption'), stacked: true, size: 'medium',
      labels: rows.map((row) => L.formatHour(row.hour, false)),
      datasets: [
        { label: L.t('insideHours'), data: rows.map((row) => row.inside), color: C.COLORS.teal },
        { label: L.t('outsideHours'), data: rows.map((row) => row.outside), color: C.COLORS.petrol },
      ],
    })), [table({
      testid: 'table-hours', caption: L.t('hoursCaption'), scroll: true,
      columns: [
        { label: L.t('hour') }, { label: L.t('conversations'), numeric: true },
        { label: L.t('insideHours'), numeric: true }, { label: L.t('outsideHours'), numeric: true },
      ],
      rows: rows.map((row) => [L.formatHour(row.hour, true), L.formatNumber(row.total), L.formatNumber(row.inside), L.formatNumber(row.outside)]),
    })]);
  }

  // ---- Unanswered questions -----------------------------------------------------------------------------

  function unanswered(slot, data) {
    const groups = list(data.unanswered).slice().sort((a, b) => num(b.count) - num(a.count));
    const fallbacks = data.fallbacks || {};
    slot.replaceChildren(
      el('p', {
        className: 'fallbacks',
        text: L.t('fallbacks', { notUnderstood: L.formatNumber(num(fallbacks.notUnderstood)), didYouMean: L.formatNumber(num(fallbacks.didYouMean)) }),
      }),
      table({
        testid: 'table-unanswered', bodyTestid: 'unanswered-list', caption: L.t('unansweredCaption'), emptyText: L.t('unansweredEmpty'),
        columns: [{ label: L.t('question') }, { label: L.t('count'), numeric: true }],
        rows: groups.map((group) => [unansweredDetails(group, data.timeZone), L.formatNumber(group.count)]),
      }),
    );
  }

  ns.sections = { summary, ratings, escalations, intents, faq, funnels, queue, hours, unanswered };
})();
