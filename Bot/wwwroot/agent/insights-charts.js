// Team leads' insights: the Chart.js charts (window.Chart, served from /lib/chartjs, never a CDN). Each chart is
// a canvas with role="img" and an aria-label that says what it shows; the table beside it holds the same figures
// for screen readers and copying. Charts are kept in a list so a new range destroys the old ones first
// (Chart.js keeps listeners and a resize observer per chart until destroy()).
(() => {
  'use strict';

  const ns = (window.IqosInsights = window.IqosInsights || {});
  const L = ns.labels;

  // The console's palette (console.css). The darker teal keeps bars readable against white (the bright one
  // is for accents); rust marks the "bad" half of a pair so the two never rely on hue alone next to petrol.
  const COLORS = {
    teal: '#00a3a4',
    petrol: '#34303d',
    rust: '#b5523b',
    sand: '#c9c1b5',
    grid: 'rgba(52, 48, 61, 0.12)',
    text: '#1f1c24',
    muted: '#5a5560',
  };

  const charts = [];

  /** Animation only for people who have not asked their system for less motion. */
  function reducedMotion() {
    return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  function available() {
    return typeof window.Chart === 'function';
  }

  function destroyAll() {
    while (charts.length) {
      const chart = charts.pop();
      try {
        chart.destroy();
      } catch (error) {
        console.error(error); // a chart already torn down must not stop the others
      }
    }
  }

  /** "Title. Label a: 3, label b: 5." — one sentence per dataset, so a screen reader hears the figures. */
  function summarise(title, labels, datasets, format) {
    const parts = datasets.map((dataset) => {
      const values = labels.map((label, i) => `${label}: ${format(dataset.data[i])}`).join(', ');
      return datasets.length > 1 ? `${dataset.label} – ${values}` : values;
    });
    return L.t('chartSummary', { title, details: `${parts.join('; ')}. ${L.t('chartSeeTable')}` });
  }

  function baseOptions(spec) {
    const format = spec.format || ((value) => L.formatNumber(value));
    const valueAxis = {
      beginAtZero: true,
      stacked: Boolean(spec.stacked),
      grid: { color: COLORS.grid },
      ticks: { color: COLORS.muted, precision: spec.decimals ? undefined : 0, callback: (value) => L.formatNumber(value) },
      title: spec.valueTitle ? { display: true, text: spec.valueTitle, color: COLORS.muted } : { display: false },
    };
    const categoryAxis = {
      stacked: Boolean(spec.stacked),
      grid: { display: false },
      ticks: { color: COLORS.text, autoSkip: !spec.horizontal },
    };
    return {
      responsive: true,
      maintainAspectRatio: false,
      locale: L.locale(),
      animation: reducedMotion() ? false : { duration: 350 },
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.datasets.length > 1, position: 'bottom', labels: { color: COLORS.text, boxWidth: 14 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.raw)}` } },
      },
    };
  }

  /**
   * Draws a bar chart into `slot` and returns its wrapper.
   * spec: { testid, title, labels, datasets: [{ label, data, color }], horizontal, stacked, format, valueTitle,
   *         decimals, size: 'small' | 'medium' | 'tall' }
   */
  function bar(slot, spec) {
    const format = spec.format || ((value) => L.formatNumber(value));
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', summarise(spec.title, spec.labels, spec.datasets, format));
    canvas.dataset.testid = spec.testid;
    // Shown only by browsers that cannot draw a canvas.
    canvas.textContent = L.t('chartSeeTable');

    const box = document.createElement('div');
    box.className = `chart-box chart-box--${spec.size || 'medium'}`;
    box.append(canvas);
    slot.append(box);

    if (!available()) return box; // the bundle failed to load: the tables still carry every figure
    const chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((dataset) => ({
          label: dataset.label,
          data: dataset.data,
          backgroundColor: dataset.color,
          borderRadius: 4,
          maxBarThickness: 44,
        })),
      },
      options: baseOptions(spec),
    });
    charts.push(chart);
    return box;
  }

  /** Global look once: the console's font and text colour instead of Chart.js's Helvetica grey. */
  function configure() {
    if (!available()) return;
    const defaults = window.Chart.defaults;
    defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    defaults.font.size = 12;
    defaults.color = COLORS.text;
  }

  configure();

  ns.charts = { COLORS, bar, destroyAll, available, reducedMotion };
})();
