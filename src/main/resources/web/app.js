// jobcode's page: three views over the public /v1 API. Every view and its inputs live in the URL, so
// a lookup is a link. Text that comes from the API (titles, CVs, names) is only ever inserted as
// text nodes, never as HTML; the Content-Security-Policy allows this script and nothing inline.

const view = document.getElementById('view');
const versions = document.getElementById('versions');

// ---- small DOM helpers -------------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function link(href, ...children) {
  return el('a', { href, 'data-link': true }, ...children);
}

function bar(fraction, label) {
  const inner = el('span');
  inner.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;   // CSSOM, allowed by the CSP
  return el('div', { class: 'bar', role: 'img', 'aria-label': label }, inner);
}

const fmt = (x, digits = 3) => Number(x).toFixed(digits);
const pct = (x) => `${Math.round(x * 100)}%`;

// ---- the API -----------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Calls the API; a failure becomes an ApiError carrying the API's own message. */
async function api(method, path, body, headers = {}) {
  let response;
  try {
    const raw = typeof body === 'string' || body instanceof Blob || body instanceof FormData;
    response = await fetch(path, {
      method,
      // A FormData body gets its multipart type, with its boundary, from the browser.
      headers: body === undefined || body instanceof FormData ? headers : { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : (raw ? body : JSON.stringify(body)),
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'The service did not answer. Is it running?');
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON: said below */ }
  if (!response.ok) {
    const message = json?.error?.message ?? `The service answered ${response.status}.`;
    const hint = response.status === 503 && json?.error?.code !== 'pool_building'
      ? ' The service is busy; try again in a moment.' : '';
    throw new ApiError(response.status, json?.error?.code ?? 'error', message + hint);
  }
  return json;
}

let health = null;
let vocabulary = null;

async function loadHealth() {
  try {
    health = await api('GET', '/health');
    const t = health.taxonomy;
    versions.textContent = `${t.name} ${t.version} · model ${health.model.id}` + poolText(health.pool);
    // A pool still being filled (a first start): look again until it is complete.
    if (health.pool?.build?.state === 'building') setTimeout(loadHealth, 3000);
  } catch (e) {
    versions.textContent = e.message;
  }
}

/** The pool's part of the header: its CVs, or how far its first filling has got. */
function poolText(pool) {
  if (!pool) return '';
  const build = pool.build;
  if (!build) return ` · ${pool.candidates.toLocaleString('en')} CVs`;
  if (build.state === 'failed') return ` · the CV pool could not be built: ${build.error}`;
  const counts = build.total ? `: ${build.done.toLocaleString('en')} of ${build.total.toLocaleString('en')}` : '';
  return ` · CV pool being built (${build.stage}${counts}); candidate search opens when it is done`;
}

async function loadVocabulary() {
  if (!vocabulary) vocabulary = await api('GET', '/v1/vocabulary');
  return vocabulary;
}

// ---- the write token: kept in this tab's session storage only, never in a URL or a cookie ------

const TOKEN_KEY = 'jobcode.writeToken';
const writeToken = () => sessionStorage.getItem(TOKEN_KEY) || '';
const authorization = () => ({ Authorization: `Bearer ${writeToken()}` });

/** Whether the server lets CVs be added and erased (it has a write token); known once /health answered. */
async function writable() {
  if (!health) await loadHealth();
  return Boolean(health?.pool?.writable);
}

/** A field for the write token; what is typed stays in session storage until the tab closes. */
function tokenField() {
  const input = el('input', { type: 'password', autocomplete: 'off', value: writeToken(), placeholder: 'the server\'s write token' });
  input.addEventListener('input', () => sessionStorage.setItem(TOKEN_KEY, input.value.trim()));
  return field('token', 'Write token', input, '(kept in this tab only)');
}

// ---- forms: fields, errors, busy buttons -------------------------------------------------------

function field(id, label, control, hint, narrow = false) {
  control.id = id;
  control.name = id;
  return el('div', { class: narrow ? 'field narrow' : 'field' },
    el('label', { for: id }, label, hint ? el('span', { class: 'hint' }, ` ${hint}`) : null),
    control,
    el('div', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' }));
}

function select(options, value) {
  return el('select', {}, options.map(([v, text]) => el('option', { value: v, selected: String(v) === String(value) }, text)));
}

/** Shows an API error next to the field it names ("title must …", "filters.min_years …"), else on the form. */
function showError(form, error) {
  const word = (error.message.match(/^([a-z_.]+)\b/) || [])[1] || '';
  const name = word.replace(/^filters\./, '');
  const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
  const box = control ? form.querySelector(`#${CSS.escape(name)}-error`) : form.querySelector('.form-error');
  if (control) control.setAttribute('aria-invalid', 'true');
  box.textContent = error.message;
  box.classList.add('shown');
  (control || box).focus?.();
}

function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Runs {@code work} with the form's button busy; an error is shown, never left hanging. */
async function busy(form, work) {
  const button = form.querySelector('button[type="submit"]');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = 'Working…';
  clearErrors(form);
  try {
    await work();
  } catch (e) {
    if (!(e instanceof ApiError)) console.warn(e);
    showError(form, e instanceof ApiError ? e : new ApiError(0, 'error', String(e.message || e)));
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

function formError() {
  return el('div', { class: 'form-error error', role: 'alert', tabindex: '-1' });
}

// ---- routing -----------------------------------------------------------------------------------

const routes = [
  [/^\/$/, lookupView, 'lookup', 'Look up a job'],
  [/^\/batch$/, batchView, 'batch', 'Batch'],
  [/^\/occupations\/([^/]+)$/, occupationView, null, 'Occupation'],
  [/^\/candidates$/, candidatesView, 'candidates', 'Find candidates'],
  [/^\/candidates\/([^/]+)$/, cvView, 'candidates', 'CV'],
];

async function render() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  const [pattern, show, nav, title] = routes.find(([p]) => p.test(path)) || [null, notFound, null, 'Not found'];
  const match = pattern ? path.match(pattern) : [];
  document.title = `${title} · jobcode`;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  view.replaceChildren();
  await show(params, ...match.slice(1).map(decodeURIComponent));
}

function go(url, replace = false) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

/** Sets the URL to {@code url} without a new render: the view that asked is already showing it. */
function remember(url) {
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
}

document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-link]');
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  go(a.getAttribute('href'));
  view.focus();
});
window.addEventListener('popstate', render);

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') q.set(key, value);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---- view: look up a job -----------------------------------------------------------------------

const MODES = [['vote', 'vote (default)'], ['similarity', 'similarity'], ['centroid', 'centroid']];

function lookupView(params) {
  const title = el('input', { type: 'text', value: params.get('title') || '', autocomplete: 'off', maxlength: 500 });
  const description = el('textarea', { rows: 4 });
  description.value = params.get('description') || '';
  const k = el('input', { type: 'number', min: 1, max: 50, value: params.get('k') || 5 });
  const mode = select(MODES, params.get('mode') || 'vote');
  const out = el('section', { 'aria-live': 'polite' });
  const form = el('form', { class: 'panel', novalidate: true },
    field('title', 'Job title', title),
    field('description', 'Description', description, '(optional: a description or a whole posting)'),
    el('div', { class: 'row' }, field('k', 'Results', k, null, true), field('mode', 'Mode', mode, null, true)),
    formError(),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Classify')));
  const run = () => busy(form, async () => {
    const body = { title: title.value, k: Number(k.value), mode: mode.value };
    if (description.value.trim()) body.description = description.value;
    remember('/' + query({ title: title.value, description: description.value.trim() ? description.value : '', k: k.value !== '5' ? k.value : '', mode: mode.value !== 'vote' ? mode.value : '' }));
    out.replaceChildren(el('p', { class: 'status' }, 'Classifying…'));
    try {
      const answer = await api('POST', '/v1/classify', body);
      out.replaceChildren(classification(answer));
      rememberCodes(answer.results);
    } catch (e) {
      out.replaceChildren();
      throw e;
    }
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  view.append(el('h1', {}, 'Look up a job'), form, out);
  if (params.get('title')) run(); else title.focus();
}

const KIND_NAMES = {
  title: 'title', alternate_title: 'alternate title', reported_title: 'reported title', description: 'description', task: 'task',
};

function classification(answer) {
  const parts = [];
  const chips = [];
  if (answer.it) chips.push(el('li', { class: `chip${answer.it.label === 'it' ? ' it' : ''}` }, `${answer.it.label === 'it' ? 'IT' : 'not IT'} · ${pct(answer.it.probability)}`));
  if (answer.level) chips.push(el('li', { class: 'chip' }, `level: ${answer.level.label}`, answer.level.cue ? ` (“${answer.level.cue}”)` : ' (no cue in the title)'));
  if (answer.area) chips.push(el('li', { class: 'chip' }, `area: ${answer.area.family_title}`, answer.area.cue ? ` (“${answer.area.cue}”)` : '', ` · ${answer.area.title}`));
  parts.push(el('ul', { class: 'summary', 'aria-label': 'Job attributes' }, chips));
  if (answer.review) {
    parts.push(el('p', { class: 'review', role: 'note' }, 'A person should check this answer: ', answer.review_reason || 'it is not a clear match', '.'));
  }
  if (!answer.results.length) {
    parts.push(el('p', { class: 'notice' }, 'No occupation matched this title.'));
    return el('div', {}, parts);
  }
  const top = Math.max(...answer.results.map((r) => r.score), 1e-9);
  parts.push(el('ol', { class: 'results' }, answer.results.map((r, i) => el('li', { dataset: { code: r.code } },
    el('div', { class: 'result-head' },
      el('span', { class: 'rank' }, `${i + 1}.`),
      link(`/occupations/${encodeURIComponent(r.code)}`, el('span', { class: 'code' }, r.code)),
      el('span', { class: 'occ-title' }, r.title),
      el('span', { class: 'score' }, fmt(r.score, 4))),
    bar(r.score / top, `score ${fmt(r.score, 4)}`),
    el('ul', { class: 'evidence', 'aria-label': 'Evidence' }, r.evidence.map((e) => el('li', {},
      el('span', { class: 'kind' }, `${KIND_NAMES[e.kind] || e.kind}: `), `“${e.text}” `, el('span', { class: 'kind' }, fmt(e.score)))))))));
  parts.push(el('p', { class: 'status' }, `${answer.taxonomy.name} ${answer.taxonomy.version} · model ${answer.model.id} · mode ${answer.query.mode}`));
  return el('div', {}, parts);
}

/** The last lookup's answers, offered as occupation filters on the candidates view. */
function rememberCodes(results) {
  try {
    sessionStorage.setItem('jobcode.codes', JSON.stringify(results.map((r) => [r.code, r.title])));
  } catch (e) { /* storage off: the list stays empty */ }
}

function rememberedCodes() {
  try { return JSON.parse(sessionStorage.getItem('jobcode.codes') || '[]'); } catch (e) { return []; }
}

// ---- view: batch -------------------------------------------------------------------------------

function batchView(params) {
  const titles = el('textarea', { rows: 8, placeholder: 'Registered Nurse\nSenior Java Developer\nWarehouse associate' });
  const file = el('input', { type: 'file', accept: '.csv,.tsv,.tab,.txt,.xlsx,.xlsm,.xls' });
  const dropText = () => ['Or drop a CSV, TSV or Excel file here (a header row with a ', el('code', {}, 'title'), ' column), or choose one: '];
  const said = el('span', {}, dropText());
  const drop = el('div', { class: 'drop' }, said, file);
  const k = el('input', { type: 'number', min: 1, max: 50, value: params.get('k') || 5 });
  const mode = select(MODES, params.get('mode') || 'vote');
  const out = el('section', { 'aria-live': 'polite' });
  let chosen = null;
  const form = el('form', { class: 'panel', novalidate: true },
    field('titles', 'Titles', titles, '(one a line)'),
    drop,
    el('div', { class: 'row' }, field('k', 'Results', k, null, true), field('mode', 'Mode', mode, null, true)),
    formError(),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Classify all')));
  const choose = (f) => {
    chosen = f;
    said.replaceChildren(...(f ? [`File: ${f.name} (${Math.ceil(f.size / 1024)} KB); the titles box is not used. `] : dropText()));
  };
  file.addEventListener('change', () => choose(file.files[0] || null));
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files[0]) choose(event.dataTransfer.files[0]);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form, async () => {
      let name;
      let body;
      if (chosen) {
        name = chosen.name;
        body = chosen;
      } else {
        const lines = titles.value.split(/\r\n|\r|\n/).map((l) => l.replace(/\t/g, ' ')).filter((l) => l.trim());
        if (!lines.length) throw new ApiError(400, 'invalid_request', 'titles: paste one title a line, or choose a file');
        name = 'titles.tsv';
        body = new Blob([['title', ...lines].join('\n')], { type: 'text/tab-separated-values' });
      }
      out.replaceChildren(el('p', { class: 'status' }, 'Classifying…'));
      const table = await api('POST', '/v1/classify/file' + query({ name, k: k.value, mode: mode.value }), body,
        { 'Content-Type': 'application/octet-stream' });
      out.replaceChildren(batchTable(table, name));
    });
  });
  view.append(el('h1', {}, 'Batch'), form, out);
  titles.focus();
}

/** RFC 4180: quote a value with a comma, quote or line end; double its quotes. */
function csvValue(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function batchTable(table, name) {
  const csv = [table.header, ...table.rows].map((row) => row.map(csvValue).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' }));
  const base = name.replace(/\.[^.]+$/, '');
  const skipped = table.skipped.length ? ` ${table.skipped.length} rows without a usable title were left unclassified.` : '';
  return el('div', {},
    el('div', { class: 'actions' },
      el('a', { href: url, download: `${base}-classified.csv`, class: 'button' }, 'Download CSV'),
      el('span', { class: 'status' }, `${table.rows.length} rows, the columns of jobcode classify --output.${skipped}`)),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, table.header.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, table.rows.map((row) => el('tr', {}, row.map((value, i) => el('td', {},
        table.header[i] === 'onet_code' && value ? link(`/occupations/${encodeURIComponent(value)}`, value) : value))))))));
}

// ---- view: one occupation ----------------------------------------------------------------------

/** GETs what a view shows; on failure the view says the API's message and where to go instead, and null comes back. */
async function load(path, heading, back) {
  view.append(el('p', { class: 'status' }, 'Loading…'));
  try {
    return await api('GET', path);
  } catch (e) {
    view.replaceChildren(el('h1', {}, heading), el('p', { class: 'error', role: 'alert' }, e.message), back);
    return null;
  }
}

async function occupationView(params, code) {
  const o = await load(`/v1/occupations/${encodeURIComponent(code)}`, code, link('/', 'Look up a job'));
  if (!o) return;
  const facts = [
    ['O*NET-SOC code', o.code], ['SOC 2018 code', o.soc_code], ['Major group', `${o.major_group.code} ${o.major_group.title}`],
  ];
  if (o.job_zone) facts.push(['Job zone', `${o.job_zone} of 5`]);
  const list = (items, empty) => (items && items.length ? el('ul', { class: 'plain columns' }, items.map((t) => el('li', {}, t))) : el('p', { class: 'notice' }, empty));
  view.replaceChildren(
    el('h1', {}, o.title),
    el('div', { class: 'panel' },
      el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('p', {}, o.description)),
    el('div', { class: 'panel' },
      el('h2', {}, 'Tasks'),
      o.tasks && o.tasks.length ? el('ul', { class: 'plain', id: 'tasks' }, o.tasks.map((t) => el('li', {}, t))) : el('p', { class: 'notice' }, 'No tasks in this release.'),
      el('h2', {}, 'Alternate titles'), list(o.alternate_titles, 'None in this release.'),
      o.reported_titles && o.reported_titles.length ? [el('h2', {}, 'Titles reported by workers'), list(o.reported_titles)] : null,
      o.related && o.related.length ? [el('h2', {}, 'Related occupations'), el('ul', { class: 'plain' },
        o.related.map((r) => el('li', {}, link(`/occupations/${encodeURIComponent(r.code)}`, el('span', { class: 'code' }, r.code)), ' ', r.title)))] : null),
    el('p', {}, link(`/candidates${query({ onet_code: o.code })}`, `Candidates in this occupation`), ' · ',
      link(`/${query({ title: o.title })}`, 'Look up this title')),
    el('p', { class: 'status' }, `${o.taxonomy.name} ${o.taxonomy.version}`));
}

// ---- view: find candidates ---------------------------------------------------------------------

const FILTERS = ['onet_code', 'major_group', 'level', 'min_years', 'it'];

async function candidatesView(params) {
  const words = await loadVocabulary().catch(() => ({ major_groups: [], levels: [] }));
  const text = el('textarea', { rows: 6, placeholder: 'Paste a job opening or a CV' });
  text.value = params.get('text') || '';
  const code = el('input', { type: 'text', value: params.get('onet_code') || '', list: 'codes', placeholder: 'e.g. 29-1141.00', autocomplete: 'off' });
  const codes = el('datalist', { id: 'codes' }, rememberedCodes().map(([c, t]) => el('option', { value: c }, t)));
  const major = select([['', 'any'], ...words.major_groups.map((g) => [g.code, `${g.code} ${g.title}`])], params.get('major_group') || '');
  const level = select([['', 'any'], ...words.levels.map((l) => [l, l])], params.get('level') || '');
  const years = el('input', { type: 'number', min: 0, max: 70, value: params.get('min_years') || '' });
  const it = select([['', 'any'], ['true', 'IT only'], ['false', 'not IT']], params.get('it') || '');
  const k = el('input', { type: 'number', min: 1, max: 100, value: params.get('k') || 10 });
  const byId = params.get('id');
  const out = el('section', { 'aria-live': 'polite' });
  const vote = el('section', { 'aria-live': 'polite' });
  const form = el('form', { class: 'panel', novalidate: true },
    byId ? el('p', {}, 'Candidates like ', link(`/candidates/${encodeURIComponent(byId)}`, byId), ' (', link('/candidates', 'search by text instead'), ')')
      : field('text', 'Job opening or CV', text),
    el('div', { class: 'row' },
      field('onet_code', 'Occupation', code), codes,
      field('major_group', 'Major group', major),
      field('level', 'Level', level, null, true),
      field('min_years', 'Min. years', years, null, true),
      field('it', 'IT', it, null, true),
      field('k', 'Results', k, null, true)),
    formError(),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Find candidates'),
      el('button', { type: 'button', class: 'secondary', id: 'vote', onclick: () => runVote() }, 'Which occupation is this CV?')));
  const request = () => {
    const filters = {};
    if (code.value.trim()) filters.onet_code = code.value.trim();
    if (major.value) filters.major_group = major.value;
    if (level.value) filters.level = level.value;
    if (years.value !== '') filters.min_years = Number(years.value);
    if (it.value) filters.it = it.value === 'true';
    const body = byId ? { id: byId } : { text: text.value };
    body.k = Number(k.value);
    if (Object.keys(filters).length) body.filters = filters;
    return body;
  };
  const url = () => '/candidates' + query({
    id: byId, text: byId ? '' : text.value, onet_code: code.value.trim(), major_group: major.value, level: level.value,
    min_years: years.value, it: it.value, k: k.value !== '10' ? k.value : '',
  });
  const run = () => busy(form, async () => {
    remember(url());
    out.replaceChildren(el('p', { class: 'status' }, 'Searching…'));
    try {
      const answer = await api('POST', '/v1/candidates/search', request());
      out.replaceChildren();
      append(out, [understood(answer.query), candidateCards(answer.results, byId ? '' : text.value)]);
    } catch (e) {
      out.replaceChildren();
      throw e;
    }
  });
  const runVote = () => busy(form, async () => {
    const body = request();
    body.k = 15;
    vote.replaceChildren(el('p', { class: 'status' }, 'Counting the votes…'));
    try {
      vote.replaceChildren(votePanel(await api('POST', '/v1/candidates/classify', body)));
    } catch (e) {
      vote.replaceChildren();
      throw e;
    }
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  view.append(el('h1', {}, 'Find candidates'), form, vote, out);
  if (!byId && await writable()) view.append(addPanel());
  if (byId || params.get('text')) run(); else text.focus();
}

const CV_FILES = '.pdf,.docx,.doc,.odt,.rtf,.html,.htm,.md,.txt';

/** Drop CV files: each is sent to POST /v1/candidates with the write token, and its fate listed. */
function addPanel() {
  const file = el('input', { type: 'file', accept: CV_FILES, multiple: true });
  const said = el('span', {}, 'Drop CV files here (PDF, Word, ODT, RTF, HTML, Markdown or text), or choose them: ');
  const drop = el('div', { class: 'drop', id: 'add-drop' }, said, file);
  const results = el('ul', { class: 'plain', id: 'add-results', 'aria-live': 'polite' });
  let chosen = [];
  const form = el('form', { class: 'panel', id: 'add-cvs', novalidate: true },
    el('h2', {}, 'Add CVs'), tokenField(), drop, formError(),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Add CVs')), results);
  const choose = (files) => {
    chosen = Array.from(files);
    said.replaceChildren(chosen.length ? `${chosen.length} file${chosen.length > 1 ? 's' : ''}: ${chosen.map((f) => f.name).join(', ')}. ` : 'Drop CV files here, or choose them: ');
  };
  file.addEventListener('change', () => choose(file.files));
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    choose(event.dataTransfer.files);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form, async () => {
      if (!writeToken()) throw new ApiError(401, 'unauthorized', 'token: give the server\'s write token first');
      if (!chosen.length) throw new ApiError(400, 'invalid_request', 'Choose or drop at least one CV file.');
      results.replaceChildren();
      for (const f of chosen) {
        const body = new FormData();
        body.append('file', f, f.name);
        try {
          const added = await api('POST', '/v1/candidates', body, authorization());
          results.append(el('li', { class: 'added' }, link(`/candidates/${encodeURIComponent(added.id)}`, f.name), ` added as ${added.id}`,
            added.candidate.onet_title ? ` · ${added.candidate.onet_title}` : ''));
        } catch (e) {
          if (e.status === 401) throw new ApiError(401, 'unauthorized', 'token: the server refused this write token');
          results.append(el('li', { class: 'error' }, `${f.name}: ${e.message}`));
        }
      }
      loadHealth();
    });
  });
  return form;
}

function candidateCards(results, text) {
  if (!results.length) return el('p', { class: 'notice' }, 'No candidate matches these filters.');
  const words = new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || []));
  return el('ul', { class: 'cards', 'aria-label': 'Candidates' }, results.map((c) => el('li', { class: 'card', dataset: { majorGroup: c.major_group || '', id: c.id } },
    el('div', { class: 'result-head' }, link(`/candidates/${encodeURIComponent(c.id)}`, el('span', { class: 'name' }, c.name || c.id)), el('span', { class: 'score' }, fmt(c.score))),
    c.headline ? el('div', {}, c.headline) : null,
    labels(c),
    why(c),
    c.snippet ? el('div', { class: 'snippet' }, marked(c.snippet, words)) : null,
    el('div', {}, link(`/candidates${query({ id: c.id })}`, 'More like this')))));
}

function labels(c) {
  const chips = [];
  if (c.onet_code) chips.push(el('span', { class: 'chip' }, c.onet_code));
  if (c.major_group) chips.push(el('span', { class: 'chip' }, `group ${c.major_group}`));
  if (c.level) chips.push(el('span', { class: 'chip' }, c.level));
  if (c.years !== null && c.years !== undefined) chips.push(el('span', { class: 'chip' }, `${c.years} years`));
  if (c.it !== null && c.it !== undefined) chips.push(el('span', { class: `chip${c.it ? ' it' : ''}` }, c.it ? 'IT' : 'not IT'));
  return el('div', { class: 'labels' }, chips);
}

/** What the search understood of its query: its occupation and the skills it names. */
function understood(q) {
  if (!q || (!q.onet_code && !(q.skills && q.skills.length))) return null;
  return el('p', { class: 'status', id: 'understood' }, 'Searching for: ',
    q.onet_code ? [link(`/occupations/${encodeURIComponent(q.onet_code)}`, q.onet_code), ` ${q.onet_title || ''}`] : 'any occupation',
    q.skills && q.skills.length ? ` · skills: ${q.skills.join(', ')}` : '');
}

/** Why a candidate is near: the skills it shares with the query, and whether its occupation is the query's. */
function why(c) {
  const parts = [];
  if (c.same_occupation === true) parts.push('same occupation');
  if (c.shared_skills && c.shared_skills.length) parts.push(`shared skills: ${c.shared_skills.join(', ')}`);
  return parts.length ? el('div', { class: 'why' }, parts.join(' · ')) : null;
}

/** The snippet with the query's words in <mark>, built from text nodes only. */
function marked(snippet, words) {
  const parts = snippet.split(/([\p{L}\p{N}]+)/u);
  return parts.map((part) => (words.has(part.toLowerCase()) ? el('mark', {}, part) : part));
}

function votePanel(v) {
  const shares = (rows, label) => el('div', { class: 'shares' }, rows.map((r) => el('div', { class: 'share' },
    el('span', {}, label(r)), bar(r.share, pct(r.share)), el('span', { class: 'value' }, pct(r.share)))));
  return el('div', { class: 'panel', id: 'vote-panel' },
    el('h2', {}, 'Which occupation is this CV?'),
    el('p', { class: 'status' }, `The ${v.neighbours.length} nearest labelled CVs voted, each by its similarity.`,
      v.it ? ` IT: ${pct(v.it.probability)}.` : ''),
    el('h3', {}, 'Occupation'), shares(v.results.slice(0, 5), (r) => [link(`/occupations/${encodeURIComponent(r.code)}`, el('span', { class: 'code' }, r.code)), ' ', r.title]),
    el('h3', {}, 'Major group'), shares(v.major_groups.slice(0, 5), (r) => `${r.major_group} ${r.title || ''}`),
    el('h3', {}, 'Level'), shares(v.levels, (r) => r.level),
    el('details', {}, el('summary', {}, 'The neighbours that voted'),
      el('ul', { class: 'plain' }, v.neighbours.map((n) => el('li', {}, link(`/candidates/${encodeURIComponent(n.id)}`, n.name || n.id), ` · ${n.headline || ''} · ${n.onet_code || ''} · ${fmt(n.score)}`)))));
}

// ---- view: one CV ------------------------------------------------------------------------------

async function cvView(params, id) {
  const cv = await load(`/v1/candidates/${encodeURIComponent(id)}`, id, link('/candidates', 'Find candidates'));
  if (!cv) return;
  const inferred = new Set(cv.inferred || []);
  const by = (name) => (inferred.has(name) ? el('span', { class: 'inferred', title: 'inferred by jobcode: filters, never votes' }, ' (inferred)') : null);
  const facts = [['Id', cv.id]];
  if (cv.onet_code) facts.push(['Occupation', [link(`/occupations/${encodeURIComponent(cv.onet_code)}`, cv.onet_code, cv.onet_title ? ` ${cv.onet_title}` : ''), by('onet_code')]]);
  if (cv.level) facts.push(['Level', [cv.level, by('level')]]);
  if (cv.years !== null && cv.years !== undefined) facts.push(['Years', [String(cv.years), by('years')]]);
  if (cv.skills_found && cv.skills_found.length) {
    facts.push(['Skills found', el('span', { id: 'skills-found' }, cv.skills_found.map((s, i) => [i ? ', ' : '',
      el('span', { class: s.hot ? 'skill hot' : 'skill', title: s.commodity_title || '' }, s.name)]))]);
  } else if (cv.skills && cv.skills.length) {
    facts.push(['Skills', cv.skills.join(', ')]);
  }
  if (cv.source) facts.push(['File', cv.source]);
  if (cv.added_at) facts.push(['Added', cv.added_at]);
  view.replaceChildren();   // then append: it passes over the parts a CV does not have
  append(view, [
    el('h1', {}, cv.name || cv.source || cv.id),
    cv.headline ? el('p', {}, cv.headline) : null,
    el('div', { class: 'panel' }, el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))),
    el('div', { class: 'panel' }, el('h2', {}, 'The CV as indexed'), el('pre', { class: 'cv', id: 'cv-text' }, cv.text)),
    el('p', {}, link(`/candidates${query({ id: cv.id })}`, 'More like this'))]);
  if (await writable()) view.append(erasePanel(cv));
}

/** Erase a CV: asks first, then DELETE with the write token, and shows the receipt. */
function erasePanel(cv) {
  const receipt = el('div', { id: 'erase-receipt', 'aria-live': 'polite' });
  const form = el('form', { class: 'panel', id: 'erase-cv', novalidate: true },
    el('h2', {}, 'Erase this CV'),
    el('p', {}, 'It leaves search and the vote at once, and the pool\'s files within a minute. This cannot be undone.'),
    tokenField(), formError(),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'danger' }, 'Erase')), receipt);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form, async () => {
      if (!writeToken()) throw new ApiError(401, 'unauthorized', 'token: give the server\'s write token first');
      if (!window.confirm(`Erase ${cv.name || cv.id}? This cannot be undone.`)) return;
      let r;
      try {
        r = await api('DELETE', `/v1/candidates/${encodeURIComponent(cv.id)}`, undefined, authorization());
      } catch (e) {
        if (e.status === 401) throw new ApiError(401, 'unauthorized', 'token: the server refused this write token');
        throw e;
      }
      form.querySelector('button[type="submit"]').remove();
      receipt.replaceChildren(el('p', { class: 'notice' }, `Erased ${r.id} at ${r.deleted_at}; its text leaves the files by ${r.erased_from_files_by}.`),
        el('p', {}, link('/candidates', 'Find candidates')));
      loadHealth();
    });
  });
  return form;
}

function notFound() {
  view.append(el('h1', {}, 'Not found'), el('p', {}, 'No such page. ', link('/', 'Look up a job')));
}

loadHealth();
render();
