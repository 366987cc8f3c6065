// The web app: a hash router over a few views, each rendering into <main>. Plain ES modules, no build step.
import * as api from './api.js';
import { signInView } from './signin.js';
import { useCasesView, newUseCaseView, editUseCaseView } from './usecases.js';
import { useCaseView, recordingsView } from './recordings.js';
import { recordingView } from './recording.js';
import { searchView } from './search.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let current = null;

// Hash routes: a pattern and its view; a view gets <main>, the session and the pattern's parts.
const routes = [
  [/^#\/usecases\/new$/, newUseCaseView],
  [/^#\/usecases\/([0-9a-f-]{36})\/edit$/, editUseCaseView],
  [/^#\/usecases\/([0-9a-f-]{36})$/, useCaseView],
  [/^#\/usecases\/([0-9a-f-]{36})\/recordings\/([0-9a-f-]{36})(?:\/at\/([0-9.]+))?$/, recordingView],
  [/^#\/recordings$/, recordingsView],
  [/^#\/search(?:\/(.*))?$/, searchView],
  [/^#\/usecases$/, useCasesView],
];

async function route() {
  current = current ?? (await api.session());
  nav.hidden = !current;
  if (!current) {
    signInView(main, (opened) => {
      current = opened;
      location.hash = '#/usecases';
      route();
    });
    return;
  }
  const [view, parts] = routes
    .map(([pattern, v]) => [v, pattern.exec(location.hash)])
    .find(([, match]) => match) ?? [useCasesView, []];
  try {
    await view(main, current, ...parts.slice(1));
  } catch (e) {
    if (e.status === 401) {
      current = null;
      route();
      return;
    }
    main.replaceChildren(message(`Something went wrong: ${e.message}`));
  }
  main.focus();
}

function message(text) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = text;
  return p;
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api.signOut();
  current = null;
  location.hash = '#/signin';
  route();
});
window.addEventListener('hashchange', route);
route();
