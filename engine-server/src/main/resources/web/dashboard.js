import * as api from './api.js';
import { h, field, showError } from './dom.js';

const METRICS = [
  ['agent_talk_ratio', 'Agent talk ratio', (v) => `${Math.round(v * 100)}%`],
  ['silence_time', 'Silence', (v) => `${v.toFixed(1)} s`],
  ['interruptions', 'Interruptions', (v) => v.toFixed(1)],
  ['words_per_minute', 'Pace', (v) => `${Math.round(v)} words/min`],
  ['duration', 'Length', (v) => `${Math.round(v)} s`],
];

/**
 * A use case's totals: calls by state, the buckets, the answers per question and the call metrics' averages, over
 * all its calls or over the call dates chosen.
 */
export async function dashboard(session, uuid) {
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  const body = h('div', { 'aria-live': 'polite' });
  const range = h('form', { class: 'filters', 'aria-label': 'Dashboard dates', on: { submit: (event) => { event.preventDefault(); load(); } } },
    field('Calls from', 'start_date', from, 'dashboard-'), field('to', 'end_date', to, 'dashboard-'),
    h('button', { type: 'submit' }, 'Show'),
    h('p', { class: 'error form-error', role: 'alert' }));

  async function load() {
    const request = { org_uuid: session.org_uuid, usecase_uuid: uuid };
    if (from.value) request.start_date = from.value;
    if (to.value) request.end_date = to.value;
    let s;
    try {
      s = await api.call(`${api.BASE}/org-usecases/analytics/summary-details`, { method: 'POST', body: request });
      range.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
    } catch (e) {
      if (!(e instanceof api.ApiError) || e.status !== 400) throw e;
      showError(range, e);
      return;
    }
    body.replaceChildren(...totals(s));
  }

  await load();
  return h('section', { class: 'dashboard', 'aria-label': 'Dashboard' }, range, body);
}

function totals(s) {
  const states = Object.entries(s.recordings_by_state ?? {}).filter(([, n]) => n > 0);
  const averages = s.call_metric_averages ?? {};
  return [
    h('div', { class: 'tiles' },
      tile(`${s.total_calls} call${s.total_calls === 1 ? '' : 's'}`, 'in all'),
      tile(`${s.analysed_calls}`, 'analysed'),
      ...states.map(([state, n]) => tile(String(n), state))),
    h('div', { class: 'panels' },
      panel('Buckets', bars((s.bucket_breakdown ?? []).map((b) => [b.bucket, b.count]))),
      ...(s.answer_distribution ?? []).map((q) => panel(q.question, bars(Object.entries(q.answers)))),
      panel('Call metrics (averages)', s.analysed_calls === 0
        ? h('p', { class: 'muted' }, 'Nothing analysed yet.')
        : h('dl', {}, ...METRICS
          .filter(([key]) => averages[key] != null)
          .flatMap(([key, label, format]) => [h('dt', {}, label), h('dd', {}, format(averages[key]))]))))];
}

function tile(value, label) {
  return h('div', { class: 'tile' }, h('strong', {}, value), h('span', {}, label));
}

function panel(title, body) {
  return h('div', { class: 'panel' }, h('h3', {}, title), body);
}

/** Labelled counts as bars, with the count written out (the bar is only a picture of it). */
function bars(counts) {
  const total = Math.max(1, counts.reduce((sum, [, n]) => sum + n, 0));
  return h('ul', { class: 'bars' }, ...counts.map(([label, n]) => {
    const share = Math.round((100 * n) / total);
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${share}%`; // through the CSSOM: the content security policy allows no inline style
    return h('li', {}, h('span', { class: 'label' }, label), bar, h('span', { class: 'count' }, `${n} (${share}%)`));
  }));
}
