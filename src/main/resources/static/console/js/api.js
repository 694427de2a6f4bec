// The one way the console reads and changes anything: /api/v1 with the signed-in person's token.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('请求失败 (' + status + ')'));
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's per-field messages, by field path (e.g. fields.resolution). */
  get fieldErrors() {
    return Object.fromEntries((this.problem.errors || []).map(e => [e.field, e.message]));
  }
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const request = { method, headers: { Authorization: 'Bearer ' + await accessToken(), Accept: 'application/json, application/problem+json', 'Accept-Language': 'zh-CN', ...headers } };
  if (body instanceof FormData) {
    request.body = body;
  } else if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  const response = await fetch('/api/v1' + path, request);
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
  }
  return data;
}

/** The same, but a 404 (unknown, or not the caller's to see) or 403 is "nothing to show". */
export async function optional(path) {
  try {
    return await api(path);
  } catch (e) {
    if (e.status === 404 || e.status === 403) {
      return null;
    }
    throw e;
  }
}

export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? '?' + s : '';
}

/** A file the API serves (a workbook, a printable page) as a Blob: a plain link cannot carry the bearer token. */
export async function file(path, accept) {
  const response = await fetch('/api/v1' + path, { headers: { Authorization: 'Bearer ' + await accessToken(), Accept: accept + ', application/problem+json' } });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    throw new ApiError(response.status, type.includes('json') ? await response.json() : { detail: await response.text() });
  }
  return response.blob();
}
