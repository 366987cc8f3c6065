// The web app: a hash router over a few views, each rendering into <main>. Plain ES modules, no build step.
import * as api from './api.js';
import { signInView } from './signin.js';
import { useCasesView, newUseCaseView } from './usecases.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let current = null;

const routes = {
  '#/usecases': useCasesView,
  '#/usecases/new': newUseCaseView,
};

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
  const view = routes[location.hash] ?? useCasesView;
  try {
    await view(main, current);
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
