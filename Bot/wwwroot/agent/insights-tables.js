// Team leads' insights: DOM building and the accessible tables (caption, th scope, numbers right-aligned).
//
// Security rule, as in console.js: every string from the server (intent ids, customers' unanswered messages)
// reaches the DOM through textContent / text nodes only. Nothing here builds HTML from strings.
(() => {
  'use strict';

  const ns = (window.IqosInsights = window.IqosInsights || {});
  const L = ns.labels;

  /** Creates an element; `text` and string children become text nodes, so server data stays inert. */
  function el(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
    if (options.testid) node.dataset.testid = options.testid;
    if (options.attrs) {
      for (const [attr, value] of Object.entries(options.attrs)) {
        if (value !== undefined && value !== null && value !== false) node.setAttribute(attr, String(value));
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  /** A header row of column headers; `numeric` columns are right-aligned like their cells. */
  function headRow(columns) {
    return el('tr', {}, columns.map((column) => el('th', {
      className: column.numeric ? 'num' : null,
      text: column.label,
      attrs: { scope: 'col' },
    })));
  }

  /**
   * One body row: the first cell is the row's header (th scope=row), the rest data cells. A cell is a string
   * or a Node (a <details> for the unanswered messages).
   */
  function bodyRow(columns, cells) {
    return el('tr', {}, cells.map((cell, index) => {
      const tag = index === 0 ? 'th' : 'td';
      const node = el(tag, {
        className: columns[index] && columns[index].numeric ? 'num' : null,
        attrs: index === 0 ? { scope: 'row' } : null,
      });
      node.append(cell instanceof Node ? cell : document.createTextNode(String(cell)));
      return node;
    }));
  }

  /** The row shown in place of data, so an empty table still says why it is empty. */
  function emptyRow(columns, text) {
    return el('tr', { className: 'empty-row' }, [el('td', { text, attrs: { colspan: columns.length } })]);
  }

  /**
   * A data table: { testid, caption, columns: [{ label, numeric }], rows: [[cell, ...]], emptyText, scroll }.
   * `scroll` wraps long tables in a focusable, labelled region so keyboard users can scroll it too.
   */
  function table(spec) {
    const body = el('tbody', { testid: spec.bodyTestid });
    if (spec.rows.length) body.append(...spec.rows.map((cells) => bodyRow(spec.columns, cells)));
    else body.append(emptyRow(spec.columns, spec.emptyText || L.t('none')));
    const node = el('table', { className: 'data-table', testid: spec.testid }, [
      el('caption', { text: spec.caption }),
      el('thead', {}, [headRow(spec.columns)]),
      body,
    ]);
    return wrap(node, spec);
  }

  /**
   * A table whose rows come in labelled groups (the funnels: one tbody per journey, its name as a rowgroup
   * header), so a screen reader announces which journey a step belongs to.
   * spec: { testid, caption, columns, groups: [{ label, rows, emptyText }] }
   */
  function groupedTable(spec) {
    const bodies = spec.groups.map((group) => {
      const body = el('tbody', {}, [
        el('tr', { className: 'group-row' }, [
          el('th', { text: group.label, attrs: { scope: 'rowgroup', colspan: spec.columns.length } }),
        ]),
      ]);
      if (group.rows.length) body.append(...group.rows.map((cells) => bodyRow(spec.columns, cells)));
      else body.append(emptyRow(spec.columns, group.emptyText));
      return body;
    });
    const node = el('table', { className: 'data-table', testid: spec.testid }, [
      el('caption', { text: spec.caption }),
      el('thead', {}, [headRow(spec.columns)]),
      ...bodies,
    ]);
    return wrap(node, spec);
  }

  function wrap(tableNode, spec) {
    if (!spec.scroll) return el('div', { className: 'table-box' }, [tableNode]);
    return el('div', {
      className: 'table-box table-box--scroll',
      attrs: { tabindex: '0', role: 'region', 'aria-label': spec.caption },
    }, [tableNode]);
  }

  /**
   * One unanswered group as a disclosure: the masked text as the summary, its example messages (time, language,
   * text) inside. This is where a lead reads what customers actually wrote.
   */
  function unansweredDetails(group, timeZone) {
    const examples = Array.isArray(group.examples) ? group.examples : [];
    const summary = el('summary', {}, [
      el('span', { className: 'unanswered__text', text: group.text || L.t('unknown') }),
      el('span', { className: 'unanswered__count', text: L.tCount('exampleCount', examples.length) }),
    ]);
    const list = examples.length
      ? el('ol', { className: 'examples', attrs: { 'aria-label': L.t('examples') } }, examples.map((example) => exampleItem(example, timeZone)))
      : el('p', { className: 'empty', text: L.t('noExamples') });
    return el('details', { className: 'unanswered' }, [summary, list]);
  }

  function exampleItem(example, timeZone) {
    const time = el('time', { className: 'example__time', text: L.formatDateTime(example.at, timeZone), attrs: { datetime: example.at } });
    return el('li', { className: 'example' }, [
      el('div', { className: 'example__meta' }, [
        time,
        el('span', { className: 'tag', text: L.name('language', example.language) }),
      ]),
      el('p', { className: 'example__text', text: example.text || '' }),
    ]);
  }

  ns.tables = { el, table, groupedTable, unansweredDetails };
})();
