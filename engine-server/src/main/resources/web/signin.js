import * as api from './api.js';
import { h, field, showError } from './dom.js';

export function signInView(main, onSignedIn) {
  const credential = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'card', on: { submit } },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'With an API key (./callintel api-key) or a token (./callintel token).'),
    h('p', { class: 'error form-error', role: 'alert' }),
    field('API key or token', 'credential', credential),
    h('button', { type: 'submit' }, 'Sign in'));
  main.replaceChildren(form);
  credential.focus();

  async function submit(event) {
    event.preventDefault();
    try {
      onSignedIn(await api.signIn(credential.value));
    } catch (e) {
      showError(form, e);
    }
  }
}
