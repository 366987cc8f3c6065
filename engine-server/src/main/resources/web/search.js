import * as api from './api.js';
import { h, field } from './dom.js';

/** Keyword search across the organization's calls; a hit opens its recording at the hit's time. */
export async function searchView(main, session, query = '') {
  const q = h('input', { type: 'search', value: decodeURIComponent(query) });
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', role: 'search', on: { submit: (event) => {
    event.preventDefault();
    location.hash = `#/search/${encodeURIComponent(q.value.trim())}`;
  } } }, field('Words to find', 'q', q), h('button', { type: 'submit' }, 'Search'));
  main.replaceChildren(h('h1', {}, 'Search'), form, results);
  q.focus();
  if (!q.value.trim()) return;
  const found = await api.call(`${api.BASE}/search?q=${encodeURIComponent(q.value.trim())}&limit=50`);
  if (found.hits.length === 0) {
    results.replaceChildren(h('p', {}, `Nothing found for “${q.value}”.`));
    return;
  }
  results.replaceChildren(
    h('p', {}, `${found.total_hits} hit${found.total_hits === 1 ? '' : 's'}`),
    h('ol', { class: 'hits' }, ...found.hits.map((hit) => h('li', {},
      h('a', { href: `#/usecases/${hit.usecase_uuid}/recordings/${hit.recording_uuid}/at/${hit.start}` },
        `${hit.speaker} (${hit.role}) at ${Math.floor(hit.start / 60)}:${String(Math.floor(hit.start % 60)).padStart(2, '0')}`),
      h('p', {}, ...highlighted(hit.snippet))))));
}

/** The snippet's text with its <em> marks as <mark> elements; everything else stays text, never markup. */
function highlighted(snippet) {
  return snippet.split(/(<em>.*?<\/em>)/).filter(Boolean).map((part) => (part.startsWith('<em>')
    ? h('mark', {}, part.slice(4, -5))
    : document.createTextNode(part)));
}
