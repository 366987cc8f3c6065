import * as api from './api.js';
import { h, field, show, showError } from './dom.js';
import { dashboard } from './dashboard.js';
import { uploader } from './upload.js';

const STATES = ['AWAITING_UPLOAD', 'INITIATED', 'TRANSCRIPTION_COMPLETED', 'ANALYSIS_COMPLETED', 'FAILED'];
const ANSWERS = ['Yes', 'No', 'Unclear'];
const LIMIT = 20;

/**
 * A use case: what it asks, its dashboard, an upload area and its recordings, filtered by its buckets and answers;
 * after its settings changed, its finished recordings can be processed again under them.
 */
export async function useCaseView(main, session, uuid) {
  const useCase = await api.call(`${api.BASE}/usecase/${uuid}`);
  const questions = (useCase.analysis_config?.analysis_questions ?? []).map((q) => (typeof q === 'string' ? q : q.question));
  const buckets = (useCase.analysis_config?.analysis_buckets ?? []).map((b) => b.objective_bucket_name);
  const list = recordingList(session, { usecase_uuid: uuid }, [
    buckets.length ? ['Bucket', 'bucket', choice('Any bucket', buckets)] : null,
    questions.length ? ['Question', 'question', choice('Any question', questions)] : null,
    questions.length ? ['Answer', 'answer', answerInput()] : null,
  ]);
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  async function reprocess() {
    if (!window.confirm('Process every finished recording of this use case again, under its settings now? '
      + 'Their results are replaced.')) return;
    const queued = await api.call(`${api.BASE}/usecase/${uuid}/reprocess`, { method: 'POST' });
    status.textContent = `${queued.queued} recording(s) queued to be processed again.`;
    await list.load();
  }
  show(main,
    h('div', { class: 'title' }, h('h1', {}, useCase.usecase_name),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/usecases/${uuid}/edit` }, 'Edit'),
        h('button', { type: 'button', class: 'reprocess', on: { click: reprocess } }, 'Process again'))),
    status,
    useCase.usecase_desc ? h('p', {}, useCase.usecase_desc) : null,
    h('p', {}, `${questions.length} question(s), ${buckets.length} bucket(s)`),
    await dashboard(session, uuid),
    h('h2', {}, 'Recordings'),
    uploader(session, uuid, () => list.load()),
    list.element,
    h('datalist', { id: 'answer-choices' }, ANSWERS.map((a) => h('option', { value: a }))));
  await list.load();
}

/** Every recording of the organisation, of any use case (or of one deleted since), filtered by use-case tag. */
export async function recordingsView(main, session) {
  const names = new Map();
  const tags = new Set();
  for (let page = 1, pages = 1; page <= pages; page += 1) {
    // eslint-disable-next-line no-await-in-loop
    const listed = await api.call(`${api.BASE}/org-usecases/${session.org_uuid}?page=${page}&limit=100`);
    listed.usecases.forEach((u) => { names.set(u.usecase_uuid, u.usecase_name); (u.tags ?? []).forEach((t) => tags.add(t)); });
    pages = listed.total_pages;
  }
  const list = recordingList(session, {}, [['Use case tag', 'tag', choice('Any tag', [...tags].sort())]], names);
  show(main, h('h1', {}, 'All recordings'), list.element);
  await list.load();
}

/**
 * A filter form and a table of recordings, sortable by its column headers and paged. {@code scope} goes into every
 * request; {@code extra} are more filters as [label, API field, control]; {@code useCases} names the use case of each
 * row when the list spans several.
 */
function recordingList(session, scope, extra, useCases = null) {
  const controls = {
    state: choice('Any state', STATES),
    start_date: h('input', { type: 'date' }),
    end_date: h('input', { type: 'date' }),
  };
  const fields = [['State', 'state', controls.state]];
  for (const [label, name, control] of extra.filter(Boolean)) {
    controls[name] = control;
    fields.push([label, name, control]);
  }
  fields.push(['From', 'start_date', controls.start_date], ['To', 'end_date', controls.end_date]);
  const results = h('div', { 'aria-live': 'polite' });
  let page = 1;
  let sort = { by: 'created_at', order: 'desc' };
  const filters = h('form', { class: 'filters recording-filters', 'aria-label': 'Recording filters', on: { submit: (event) => { event.preventDefault(); page = 1; load(); } } },
    ...fields.map(([label, name, control]) => field(label, name, control)),
    h('button', { type: 'submit' }, 'Filter'),
    h('p', { class: 'error form-error', role: 'alert' }));
  const columns = [
    ['File', 'file_name'], ...(useCases ? [['Use case', null]] : []), ['Call date', 'call_date'],
    ['State', 'state'], ['Length', 'duration'], ['Uploaded', 'created_at']];

  async function retry(recording) {
    await api.call(`${api.BASE}/org-usecases/recording/retry`, {
      method: 'POST', body: { org_uuid: session.org_uuid, recording_uuid: recording.recording_uuid },
    });
    await load();
  }

  function sortBy(key) {
    sort = sort.by === key ? { by: key, order: sort.order === 'asc' ? 'desc' : 'asc' } : { by: key, order: key === 'created_at' ? 'desc' : 'asc' };
    page = 1;
    load().then(() => results.querySelector(`th[data-sort="${key}"] button`)?.focus());
  }

  function header([label, key]) {
    if (!key) return h('th', { scope: 'col' }, label);
    const sorted = sort.by === key;
    const ariaSort = sorted ? (sort.order === 'asc' ? 'ascending' : 'descending') : null;
    return h('th', { scope: 'col', 'data-sort': key, 'aria-sort': ariaSort },
      h('button', { type: 'button', class: 'sort', on: { click: () => sortBy(key) } },
        label, h('span', { 'aria-hidden': 'true' }, sorted ? (sort.order === 'asc' ? ' ▲' : ' ▼') : '')));
  }

  function row(r) {
    const name = r.usecase_uuid
      ? h('a', { href: `#/usecases/${r.usecase_uuid}/recordings/${r.recording_uuid}` }, r.file_name)
      : r.file_name;
    return h('tr', {},
      h('td', {}, name),
      useCases ? h('td', {}, useCases.get(r.usecase_uuid) ?? (r.usecase_uuid ? 'deleted use case' : 'none')) : null,
      h('td', {}, r.call_date),
      h('td', {}, r.state, r.error ? h('div', { class: 'error' }, r.error) : null,
        r.state === 'FAILED' ? h('button', { type: 'button', class: 'retry', on: { click: () => retry(r) } }, 'Retry') : null),
      h('td', {}, r.duration == null ? '' : `${Math.round(r.duration)} s`),
      h('td', {}, new Date(r.created_at).toLocaleString()));
  }

  async function load() {
    const body = { ...scope, page, limit: LIMIT, sort_by: sort.by, sort_order: sort.order };
    const filtered = Object.entries(controls).filter(([, control]) => control.value);
    filtered.forEach(([name, control]) => { body[name] = control.value; });
    let listed;
    try {
      listed = await api.call(`${api.BASE}/org-usecases/recordings`, { method: 'POST', body });
      filters.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
    } catch (e) {
      if (!(e instanceof api.ApiError) || e.status !== 400) throw e;
      showError(filters, e); // a filter the API refused, named next to its field
      return;
    }
    if (listed.recordings.length === 0) {
      results.replaceChildren(h('p', {}, filtered.length === 0 ? 'No recordings yet.' : 'No recordings match.'));
      return;
    }
    results.replaceChildren(
      h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Recordings'),
        h('thead', {}, h('tr', {}, ...columns.map(header))),
        h('tbody', {}, listed.recordings.map(row))),
      h('nav', { class: 'pages', 'aria-label': 'Pages' },
        h('button', { type: 'button', disabled: page <= 1, on: { click: () => { page -= 1; load(); } } }, 'Previous'),
        h('span', {}, `Page ${listed.page} of ${Math.max(1, listed.total_pages)} (${listed.total} recordings)`),
        h('button', { type: 'button', disabled: page >= listed.total_pages, on: { click: () => { page += 1; load(); } } }, 'Next')));
  }

  return { element: h('div', {}, filters, results), load };
}

function choice(any, values) {
  return h('select', {}, h('option', { value: '' }, any), ...values.map((v) => h('option', { value: v }, v)));
}

/** Yes, No or Unclear offered (the page's datalist), any other answer typed: open questions answer in words. */
function answerInput() {
  return h('input', { type: 'text', list: 'answer-choices', autocomplete: 'off' });
}
