// The hslist preview panel (webview). It renders only the rows in view (a virtualised table) and
// asks the extension for pages of rows as the user scrolls; it never holds all matches at once.
// Everything it needs comes through postMessage; it loads nothing remote (strict CSP, nonce).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const ROW_HEIGHT = 24;
  const PAGE = 200;
  const OVERSCAN = 10;
  const $ = (id) => document.getElementById(id);
  const viewport = $('viewport');
  const spacer = $('spacer');
  const rowsEl = $('rows');
  const search = $('search');
  let state = { summary: undefined, columns: [], matches: 0, search: '', generation: 0, view: 'matches', views: undefined };
  const VIEW_WORDS = { matches: 'matching contacts', enter: 'would enter', leave: 'would leave' };
  let pages = new Map(); // page index → rows, for the current generation
  const requested = new Set();
  let seq = 0;

  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function gridTemplate() {
    return ['64px'].concat(state.columns.map((c) => (c === 'email' ? 'minmax(200px, 2.4fr)' : 'minmax(70px, 1fr)'))).join(' ');
  }

  function renderHeader() {
    const head = $('thead');
    head.replaceChildren(el('div', 'id', 'id'), ...state.columns.map((c) => el('div', '', c)));
    head.style.gridTemplateColumns = gridTemplate();
  }

  function renderSummary(s) {
    $('list-name').textContent = s.name;
    const count = $('count');
    // The server words the count (as the code lens and the CLI do); the figure, a range when uncertain, is bold.
    count.replaceChildren(el('strong', '', s.countText.figure), document.createTextNode(s.countText.rest));
    count.setAttribute('aria-label', s.countText.figure + s.countText.rest);
    renderFunnel(s);
  }

  /** One bar per top-level clause: the pale bar is the clause alone, the solid bar what survives it and every clause before. */
  function renderFunnel(s) {
    const svg = $('funnel');
    const ns = 'http://www.w3.org/2000/svg';
    const width = Math.max(320, svg.clientWidth || 600);
    const labelW = Math.min(320, Math.floor(width * 0.45));
    const barW = width - labelW - 110;
    const step = 26;
    svg.replaceChildren();
    svg.setAttribute('height', String(Math.max(1, s.funnel.length) * step + 4));
    svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, s.funnel.length) * step + 4}`);
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      if (text !== undefined) e.textContent = text;
      svg.append(e);
      return e;
    };
    s.funnel.forEach((f, i) => {
      const y = i * step + 2;
      const scale = (n) => (s.total ? Math.max(1, Math.round((n / s.total) * barW)) : 1);
      add('text', { x: 0, y: y + 16 }, (i === 0 ? '' : 'and ') + clip(f.text, Math.floor(labelW / 7))).append(title(f.text));
      add('rect', { class: 'bar pass', x: labelW, y, width: scale(f.count), height: 20, rx: 2 });
      add('rect', { class: f.notPreviewable ? 'bar unknown' : 'bar', x: labelW, y, width: scale(f.survivors), height: 20, rx: 2 });
      add('text', { class: 'num', x: labelW + scale(f.count) + 6, y: y + 15 }, `${fmt(f.survivors)} left`);
    });
    svg.setAttribute('aria-label', 'Funnel: ' + s.funnel.map((f) => `${f.text}: ${fmt(f.survivors)} left`).join('; '));
  }

  function title(text) {
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    t.textContent = text;
    return t;
  }

  function clip(text, max) { return text.length > max ? text.slice(0, max - 1) + '…' : text; }

  function setStatus(text, isError) {
    const s = $('status');
    s.textContent = text || '';
    s.classList.toggle('error', Boolean(isError));
  }

  function reset(matches) {
    state.generation++;
    pages = new Map();
    requested.clear();
    state.matches = matches;
    spacer.style.height = `${matches * ROW_HEIGHT}px`;
  }

  function requestPage(p) {
    const key = `${state.generation}:${p}`;
    if (requested.has(key)) return;
    requested.add(key);
    vscode.postMessage({ type: 'rows', offset: p * PAGE, limit: PAGE, search: state.search, view: state.view, seq: ++seq, generation: state.generation });
  }

  /** Draws the rows in view (plus a few either side); asks for the pages they need. */
  function render() {
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(state.matches, first + visible);
    const out = [];
    for (let i = first; i < last; i++) {
      const page = pages.get(Math.floor(i / PAGE));
      if (!page) requestPage(Math.floor(i / PAGE));
      const row = page && page[i % PAGE];
      const r = el('div', 'row');
      r.setAttribute('role', 'row');
      r.setAttribute('aria-rowindex', String(i + 1));
      r.style.gridTemplateColumns = gridTemplate();
      if (row) {
        r.append(el('div', 'id', row.id), ...row.values.map((v) => el('div', v === null ? 'muted' : '', v === null ? '—' : v)));
      } else {
        r.append(el('div', 'muted', '…'));
      }
      out.push(r);
    }
    rowsEl.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    rowsEl.replaceChildren(...out);
  }

  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; render(); });
  }

  /** How many contacts the current view holds before the search. */
  function viewCount() {
    if (state.view === 'matches') return state.summary ? state.summary.count : 0;
    return state.views ? state.views[state.view] : 0;
  }

  function viewStatus() {
    return `${fmt(viewCount())} ${VIEW_WORDS[state.view]}`;
  }

  /** The section comparing the preview with the published list (texts come from the extension). */
  function renderPublished(section) {
    const box = $('published');
    box.hidden = !section;
    state.views = section && section.views;
    if (section) {
      $('published-heading').textContent = section.heading || '';
      $('published-heading').hidden = !section.heading;
      $('published-lines').replaceChildren(...section.lines.map((l) => el('li', l.kind, l.text)));
      $('published-muted').textContent = section.muted || '';
    }
    for (const view of ['enter', 'leave']) {
      const tab = $(`view-${view}`);
      tab.disabled = !state.views;
      tab.textContent = `Would ${view}${state.views ? ` (${fmt(state.views[view])})` : ''}`;
    }
    if (!state.views && state.view !== 'matches') selectView('matches', false);
  }

  function selectView(view, load) {
    state.view = view;
    for (const tab of document.querySelectorAll('button.view')) tab.setAttribute('aria-selected', String(tab.dataset.view === view));
    // The Salesforce tab is a section of its own, not a view of the table.
    const salesforce = view === 'salesforce';
    $('salesforce').hidden = !salesforce;
    document.querySelector('.table').hidden = salesforce;
    $('search').disabled = salesforce;
    $('export').disabled = salesforce;
    if (salesforce) { setStatus(''); return; }
    if (load) restart();
  }

  /** The Salesforce tab: each side's outcomes, the rule that decided them, sample contacts (texts from the extension). */
  function renderSalesforce(section) {
    const tab = $('view-salesforce');
    tab.disabled = !section;
    state.salesforce = section;
    if (!section) {
      if (state.view === 'salesforce') selectView('matches', true);
      return;
    }
    $('salesforce-heading').textContent = section.problem ? 'Salesforce' : section.heading;
    $('salesforce-source').textContent = section.problem || section.source;
    const groups = (section.groups || []).map((g) => {
      const box = el('div', 'sf-group');
      box.append(el('h3', '', g.title));
      for (const item of g.items) {
        const block = el('details', 'sf-item');
        const summary = el('summary');
        summary.append(el('span', 'sf-title', item.title), el('span', 'sf-rule', ` ${item.rule}`));
        summary.title = item.ruleText;
        block.append(summary, el('p', 'muted', `Rule ${item.rule}: ${item.ruleText}`));
        const list = el('ul');
        list.append(...item.samples.map((x) => el('li', '', x)));
        block.append(list);
        box.append(block);
      }
      return box;
    });
    $('salesforce-groups').replaceChildren(...groups);
  }

  /** Back to the top of the current view and search: the pages are asked for again. */
  function restart() {
    reset(viewCount());
    viewport.scrollTop = 0;
    requestPage(0);
    if (!state.search) setStatus(viewStatus());
    schedule();
  }

  function renderSource(m) {
    $('source').textContent = m.source || '';
    $('cancelled').hidden = !m.cancelled;
    $('cancelled-text').textContent = m.cancelled ? (m.statusText || m.error || 'Loading the contact data was cancelled.') : '';
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'summary') {
      renderSource(m);
      if (m.error) {
        if (m.name) $('list-name').textContent = m.name;
        setStatus(m.cancelled ? '' : m.error, !m.cancelled);
        if (m.cancelled) { renderPublished(undefined); reset(0); schedule(); }
        return;
      }
      state.summary = m.summary;
      state.columns = m.summary.columns;
      if (state.view === 'salesforce') { renderHeader(); renderSummary(m.summary); renderPublished(m.published); return; }
      renderHeader();
      renderSummary(m.summary);
      renderPublished(m.published);
      setStatus(state.search ? '' : (m.statusText && !m.cancelled ? m.statusText : viewStatus()));
      reset(viewCount());
      requestPage(0);
      schedule();
    } else if (m.type === 'rows') {
      if (m.generation !== state.generation) return;
      if (m.error) { setStatus(m.error, true); return; }
      if (state.matches !== m.page.matches) { spacer.style.height = `${m.page.matches * ROW_HEIGHT}px`; state.matches = m.page.matches; }
      state.columns = m.page.columns;
      pages.set(Math.floor(m.page.offset / PAGE), m.page.rows);
      if (state.search) setStatus(`${fmt(m.page.matches)} ${VIEW_WORDS[state.view]} contain “${state.search}”`);
      schedule();
    } else if (m.type === 'salesforce') {
      renderSalesforce(m.section);
    } else if (m.type === 'view') {
      if (!$(`view-${m.view}`).disabled) selectView(m.view, true);
    } else if (m.type === 'exported') {
      setStatus(m.error ? m.error : `Exported ${fmt(m.rows)} contacts to ${m.path}`, Boolean(m.error));
    }
  });

  viewport.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', () => { if (state.summary) renderFunnel(state.summary); schedule(); });
  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.search = search.value.trim();
      restart();
    }, 200);
  });
  $('export').addEventListener('click', () => vscode.postMessage({ type: 'export', search: state.search, view: state.view }));
  $('reload').addEventListener('click', () => vscode.postMessage({ type: 'reload' }));
  for (const tab of document.querySelectorAll('button.view')) {
    tab.addEventListener('click', () => { if (!tab.disabled && tab.dataset.view !== state.view) selectView(tab.dataset.view, true); });
  }
  vscode.postMessage({ type: 'ready' });
})();
