/**
 * Follows the URL hash: parses it into a typed route on every change. Views never read
 * `location` themselves; they get a `Route` and update view state through `replaceQuery`.
 */
import { hrefFor, parseHash, type Route } from './routes';

export { hrefFor, parseHash, type Route, type RouteName } from './routes';

/** Navigates (adds a history entry). */
export function navigate(href: string): void {
  if (location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = href;
}

/**
 * Updates view state in the URL without re-rendering the view (history.replaceState fires no
 * hashchange), so the address bar always holds a shareable link to what is on screen.
 */
export function replaceQuery(
  route: Route,
  changes: Record<string, string | number | null | undefined>,
): void {
  const query: Record<string, string> = Object.fromEntries(route.query.entries());
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') delete query[key];
    else query[key] = String(value);
  }
  route.query = new URLSearchParams(query);
  history.replaceState(null, '', hrefFor(route.name, route.id, query));
}

/** Calls `onRoute` now and on every hash change. */
export function startRouter(onRoute: (route: Route) => void): void {
  window.addEventListener('hashchange', () => onRoute(parseHash(location.hash)));
  onRoute(parseHash(location.hash));
}
