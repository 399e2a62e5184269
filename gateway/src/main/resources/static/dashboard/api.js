/**
 * Calls the gateway's /api routes with the API key, which lives in sessionStorage (this tab only). Errors
 * come back as ApiError carrying the RFC 9457 problem body.
 */

const KEY = 'sppo.apiKey';

/** The key the dashboard offers by default: the one a development gateway accepts. */
export const DEV_KEY = 'dev-key';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetApiKey() {
  sessionStorage.removeItem(KEY);
}

/** A non-2xx answer: `status` and the problem body (`detail`, and `errors` for a rejected job). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `the gateway answered HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Whether the key was missing (401) or wrong (403). */
  get unauthorized() {
    return this.status === 401 || this.status === 403;
  }
}

async function send(method, path, body) {
  const headers = {'X-API-Key': apiKey() ?? ''};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => ({})));
  }
  return response;
}

export async function getJson(path) {
  return (await send('GET', path)).json();
}

export async function postJson(path, body) {
  return (await send('POST', path, body)).json();
}

/** Saves a download as `filename`: a plain link could not send the key header, so it is fetched as a blob. */
export async function download(path, filename) {
  const blob = await (await send('GET', path)).blob();
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), {href: url, download: filename});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
