/**
 * HTTP client for `/api`. Same-origin requests carry the session cookie; state-changing requests
 * send the CSRF token the session reply gave us as `X-CSRF-Token`. Every non-2xx reply becomes
 * an `ApiRequestError` with the server's stable error code.
 */
import type { ApiError } from '../../../server/api-types';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
const unauthorizedListeners: Array<() => void> = [];

/** Sets the token sent as `X-CSRF-Token` (from `POST`/`GET /api/session`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever a reply is 401, so the app can show the log-in screen. */
export function onUnauthorized(listener: () => void): void {
  unauthorizedListeners.push(listener);
}

/** `/api/<path>?<query>`; empty query values are left out. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/${path.replace(/^\//, '')}${search ? `?${search}` : ''}`;
}

/** Encodes one path segment (`rings/${seg(id)}`). */
export const seg = (value: string): string => encodeURIComponent(value);

async function request<T>(method: string, path: string, query: Query, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(apiUrl(path, query), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && path !== 'session') unauthorizedListeners.forEach((fn) => fn());
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (parsed as ApiError | undefined)?.error;
    throw new ApiRequestError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? res.statusText,
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', path, query),
  post: <T>(path: string, body: unknown = {}, query: Query = {}) =>
    request<T>('POST', path, query, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, {}, body),
  del: <T>(path: string) => request<T>('DELETE', path, {}),
};
