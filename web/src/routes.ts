/**
 * Deep links live in the URL hash (`#/ring/R-12?tab=members&node=account:u1`), so a link can be
 * shared and the server needs no knowledge of UI paths. This module parses and builds them (pure
 * functions); `router.ts` follows them.
 */

export type RouteName = 'login' | 'queue' | 'ring' | 'account' | 'cases' | 'case' | 'jobs';

export interface Route {
  name: RouteName;
  /** The ring, account or case id for `ring`, `account` and `case`. */
  id: string | null;
  /** Query parameters: view state such as `tab`, `node`, filters. */
  query: URLSearchParams;
}

const WITH_ID: ReadonlySet<RouteName> = new Set(['ring', 'account', 'case']);
const KNOWN: ReadonlySet<string> = new Set([
  'login',
  'queue',
  'ring',
  'account',
  'cases',
  'case',
  'jobs',
]);

/** Parses a hash such as `#/ring/abc?tab=evidence`; anything unknown is the queue. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = body.split('?', 2);
  const [first = '', ...rest] = path.split('/');
  const query = new URLSearchParams(search);
  if (!KNOWN.has(first)) return { name: 'queue', id: null, query };
  const name = first as RouteName;
  if (WITH_ID.has(name)) {
    const id = rest.length > 0 ? decodeURIComponent(rest.join('/')) : '';
    if (id === '') return { name: 'queue', id: null, query };
    return { name, id, query };
  }
  return { name, id: null, query };
}

/** Builds the hash for a route; `query` entries with empty values are left out. */
export function hrefFor(
  name: RouteName,
  id?: string | null,
  query?: Record<string, string | number | null | undefined>,
): string {
  let href = `#/${name}`;
  if (id !== undefined && id !== null) href += `/${encodeURIComponent(id)}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${href}?${search}` : href;
}
