// The public HTTP API, as the signed-in browser calls it: the session cookie authenticates, and every write carries
// the session's CSRF token. Errors come back as ApiError with the API's code, message and field.

export const BASE = '/v1alpha/callintel';

let csrf = null;

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code ?? null;
    this.field = error?.field ?? null;
  }
}

export async function call(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data?.error);
  return data;
}

/** The signed-in session ({org_uuid}), or null. */
export async function session() {
  try {
    const current = await call('/session');
    csrf = current.csrf_token;
    return current;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function signIn(credential) {
  const opened = await call('/session', { method: 'POST', body: { credential } });
  csrf = opened.csrf_token;
  return opened;
}

export async function signOut() {
  await call('/session', { method: 'DELETE' });
  csrf = null;
}
