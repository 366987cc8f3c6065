import * as api from './api.js';
import { h, field, showError } from './dom.js';

export async function useCasesView(main, session) {
  const page = await api.call(`${api.BASE}/org-usecases/${session.org_uuid}?limit=100`);
  const rows = page.usecases.map((useCase) => h('tr', {},
    h('td', {}, useCase.usecase_name),
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
  const name = h('input', { type: 'text' });
  const description = h('textarea', { rows: 2 });
  const tags = h('input', { type: 'text', placeholder: 'sales, inbound' });
  const questions = h('textarea', { rows: 4, placeholder: 'Is the lead interested in the loan offer? (Yes/No)' });
  const buckets = h('textarea', { rows: 4, placeholder: 'Hot lead: wants the loan now' });
  const form = h('form', { class: 'card', on: { submit } },
    h('h1', {}, 'New use case'),
    h('p', { class: 'error form-error', role: 'alert' }),
    field('Name', 'usecase_name', name),
    field('Description', 'usecase_desc', description),
    field('Tags (comma-separated)', 'tags', tags),
    field('Questions (one per line)', 'analysis_config.analysis_questions', questions),
    field('Buckets (one per line, "name: description")', 'analysis_config.analysis_buckets', buckets),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create'), h('a', { href: '#/usecases' }, 'Cancel')));
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
      await api.call(`${api.BASE}/usecase`, { method: 'POST', body });
      location.hash = '#/usecases';
    } catch (e) {
      showError(form, e);
    }
  }
}
