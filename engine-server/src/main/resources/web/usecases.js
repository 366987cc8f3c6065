import * as api from './api.js';
import { h, field, showError } from './dom.js';

export async function useCasesView(main, session) {
  const page = await api.call(`${api.BASE}/org-usecases/${session.org_uuid}?limit=100`);
  const rows = page.usecases.map((useCase) => h('tr', {},
    h('td', {}, h('a', { href: `#/usecases/${useCase.usecase_uuid}` }, useCase.usecase_name)),
    h('td', {}, useCase.usecase_desc ?? ''),
    h('td', {}, (useCase.tags ?? []).join(', ')),
    h('td', {}, String(useCase.analysis_config?.analysis_questions?.length ?? 0)),
    h('td', {}, String(useCase.analysis_config?.analysis_buckets?.length ?? 0))));
  main.replaceChildren(
    h('div', { class: 'title' }, h('h1', {}, 'Use cases'), h('a', { class: 'button', href: '#/usecases/new' }, 'New use case')),
    rows.length === 0
      ? h('p', {}, 'No use cases yet.')
      : h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Use cases'),
        h('thead', {}, h('tr', {}, ...['Name', 'Description', 'Tags', 'Questions', 'Buckets'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)));
}

export function newUseCaseView(main, session) {
  useCaseForm(main, session, null);
}

export async function editUseCaseView(main, session, uuid) {
  useCaseForm(main, session, await api.call(`${api.BASE}/usecase/${uuid}`));
}

/** The create form, or the edit form of {@code existing}; the API's errors appear at their fields. */
function useCaseForm(main, session, existing) {
  const config = existing?.analysis_config ?? {};
  const name = h('input', { type: 'text', value: existing?.usecase_name ?? '' });
  const description = h('textarea', { rows: 2 });
  description.value = existing?.usecase_desc ?? '';
  const tags = h('input', { type: 'text', placeholder: 'sales, inbound', value: (existing?.tags ?? []).join(', ') });
  const questions = h('textarea', { rows: 4, placeholder: 'Is the lead interested in the loan offer? (Yes/No)' });
  questions.value = (config.analysis_questions ?? []).map((q) => (typeof q === 'string' ? q : q.question)).join('\n');
  const buckets = h('textarea', { rows: 4, placeholder: 'Hot lead: wants the loan now' });
  buckets.value = (config.analysis_buckets ?? [])
    .map((b) => (b.description ? `${b.objective_bucket_name}: ${b.description}` : b.objective_bucket_name)).join('\n');
  const redaction = h('select', {},
    ...[['off', 'Off'], ['transcript', 'Transcript'], ['transcript_and_audio', 'Transcript and audio']]
      .map(([value, label]) => h('option', { value }, label)));
  redaction.value = config.redaction ?? 'off';
  const back = existing ? `#/usecases/${existing.usecase_uuid}` : '#/usecases';
  const form = h('form', { class: 'card', on: { submit } },
    h('h1', {}, existing ? `Edit ${existing.usecase_name}` : 'New use case'),
    h('p', { class: 'error form-error', role: 'alert' }),
    field('Name', 'usecase_name', name),
    field('Description', 'usecase_desc', description),
    field('Tags (comma-separated)', 'tags', tags),
    field('Questions (one per line)', 'analysis_config.analysis_questions', questions),
    field('Buckets (one per line, "name: description")', 'analysis_config.analysis_buckets', buckets),
    field('Redact card numbers, dates of birth, names and other personal data from', 'analysis_config.redaction', redaction),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, existing ? 'Save' : 'Create'), h('a', { href: back }, 'Cancel')));
  main.replaceChildren(form);
  name.focus();

  async function submit(event) {
    event.preventDefault();
    const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);
    const body = {
      org_uuid: session.org_uuid,
      usecase_name: name.value.trim(),
      usecase_desc: description.value.trim(),
      tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean),
      analysis_config: {
        redaction: redaction.value,
        analysis_questions: lines(questions.value),
        analysis_buckets: lines(buckets.value).map((line) => {
          const colon = line.indexOf(':');
          return colon < 0
            ? { objective_bucket_name: line, description: '' }
            : { objective_bucket_name: line.slice(0, colon).trim(), description: line.slice(colon + 1).trim() };
        }),
      },
    };
    try {
      const saved = existing
        ? await api.call(`${api.BASE}/usecase/${existing.usecase_uuid}`, { method: 'PUT', body })
        : await api.call(`${api.BASE}/usecase`, { method: 'POST', body });
      location.hash = existing ? `#/usecases/${saved.usecase_uuid}` : '#/usecases';
    } catch (e) {
      showError(form, e);
    }
  }
}
