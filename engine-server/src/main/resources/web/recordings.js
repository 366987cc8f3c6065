import * as api from './api.js';
import { h, field, show } from './dom.js';
import { dashboard } from './dashboard.js';
import { uploader } from './upload.js';

const STATES = ['AWAITING_UPLOAD', 'INITIATED', 'TRANSCRIPTION_COMPLETED', 'ANALYSIS_COMPLETED', 'FAILED'];
const LIMIT = 20;

/** A use case: what it asks, and its recordings with filters by state and call date, a page at a time. */
export async function useCaseView(main, session, uuid) {
  const useCase = await api.call(`${api.BASE}/usecase/${uuid}`);
  const state = h('select', {}, h('option', { value: '' }, 'Any state'), ...STATES.map((s) => h('option', { value: s }, s)));
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  const results = h('div', { 'aria-live': 'polite' });
  let page = 1;
  const filters = h('form', { class: 'filters', on: { submit: (event) => { event.preventDefault(); page = 1; load(); } } },
    field('State', 'state', state), field('From', 'start_date', from), field('To', 'end_date', to),
    h('button', { type: 'submit' }, 'Filter'));
  const questions = useCase.analysis_config?.analysis_questions ?? [];
  const buckets = useCase.analysis_config?.analysis_buckets ?? [];
  show(main,
    h('div', { class: 'title' }, h('h1', {}, useCase.usecase_name),
      h('a', { class: 'button', href: `#/usecases/${uuid}/edit` }, 'Edit')),
    useCase.usecase_desc ? h('p', {}, useCase.usecase_desc) : null,
    h('p', {}, `${questions.length} question(s), ${buckets.length} bucket(s)`),
    await dashboard(session, uuid),
    h('h2', {}, 'Recordings'),
    uploader(session, uuid, () => load()),
    filters,
    results);
  await load();

  async function retry(recording) {
    await api.call(`${api.BASE}/org-usecases/recording/retry`, {
      method: 'POST', body: { org_uuid: session.org_uuid, recording_uuid: recording.recording_uuid },
    });
    await load();
  }

  async function load() {
    const body = { usecase_uuid: uuid, page, limit: LIMIT };
    if (state.value) body.state = state.value;
    if (from.value) body.start_date = from.value;
    if (to.value) body.end_date = to.value;
    const listed = await api.call(`${api.BASE}/org-usecases/recordings`, { method: 'POST', body });
    if (listed.recordings.length === 0) {
      results.replaceChildren(h('p', {}, listed.total === 0 && !state.value && !from.value && !to.value
        ? 'No recordings yet.' : 'No recordings match.'));
      return;
    }
    const rows = listed.recordings.map((r) => h('tr', {},
      h('td', {}, h('a', { href: `#/usecases/${uuid}/recordings/${r.recording_uuid}` }, r.file_name)),
      h('td', {}, r.call_date),
      h('td', {}, r.state, r.error ? h('div', { class: 'error' }, r.error) : null,
        r.state === 'FAILED' ? h('button', { type: 'button', class: 'retry', on: { click: () => retry(r) } }, 'Retry') : null),
      h('td', {}, r.duration == null ? '' : `${Math.round(r.duration)} s`),
      h('td', {}, new Date(r.created_at).toLocaleString())));
    results.replaceChildren(
      h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Recordings'),
        h('thead', {}, h('tr', {}, ...['File', 'Call date', 'State', 'Length', 'Uploaded'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)),
      h('nav', { class: 'pages', 'aria-label': 'Pages' },
        h('button', { type: 'button', disabled: page <= 1, on: { click: () => { page -= 1; load(); } } }, 'Previous'),
        h('span', {}, `Page ${listed.page} of ${Math.max(1, listed.total_pages)} (${listed.total} recordings)`),
        h('button', { type: 'button', disabled: page >= listed.total_pages, on: { click: () => { page += 1; load(); } } }, 'Next')));
  }
}
