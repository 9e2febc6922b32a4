/**
 * The frame around every screen: top bar with navigation, search and the signed-in user, and a
 * main area that shows the view for the current route. Unauthenticated visitors see the log-in
 * screen and return to the link they followed once signed in.
 */
import { onUnauthorized } from './api/client';
import { createSearchBox } from './components/search-box';
import { toastError } from './components/toast';
import { h, replaceChildren } from './dom';
import { hrefFor, navigate, parseHash, startRouter, type Route } from './router';
import { currentUser, forgetSession, isAdmin, logOut, restoreSession } from './session';
import { accountView } from './views/account-view';
import { caseView } from './views/case-view';
import { casesView } from './views/cases-view';
import { jobsView } from './views/jobs-view';
import { loginView } from './views/login-view';
import { queueView } from './views/queue-view';
import { ringView } from './views/ring-view';
import type { View } from './views/view';

const NAV: Array<{ name: 'queue' | 'cases' | 'jobs'; title: string; admin?: boolean }> = [
  { name: 'queue', title: 'Ring queue' },
  { name: 'cases', title: 'Cases' },
  { name: 'jobs', title: 'Jobs', admin: true },
];

function viewFor(route: Route): View {
  switch (route.name) {
    case 'ring':
      return ringView(route);
    case 'account':
      return accountView(route);
    case 'cases':
      return casesView(route);
    case 'case':
      return caseView(route);
    case 'jobs':
      return isAdmin()
        ? jobsView()
        : {
            el: h(
              'div',
              { class: 'empty-state' },
              h('h2', {}, 'Admins only'),
              h('p', {}, 'Jobs are visible to administrators.'),
            ),
          };
    case 'login':
    case 'queue':
      return queueView(route);
  }
}

/** Mounts the application into `root`. */
export async function startApp(root: HTMLElement): Promise<void> {
  const main = h('main', { class: 'main', attrs: { id: 'main' } });
  const nav = h('nav', { class: 'nav', attrs: { 'aria-label': 'Main' } });
  const userBox = h('div', { class: 'user-box' });
  const topbar = h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', attrs: { href: hrefFor('queue') } },
      h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
      'fraud-rings',
    ),
    nav,
    createSearchBox(),
    userBox,
  );
  let current: View | null = null;
  let pendingHash: string | null = null;

  function show(view: View): void {
    current?.dispose?.();
    current = view;
    replaceChildren(main, view.el);
  }

  function renderChrome(route: Route): void {
    const user = currentUser();
    topbar.hidden = user === null;
    replaceChildren(
      nav,
      ...NAV.filter((item) => !item.admin || isAdmin()).map((item) =>
        h(
          'a',
          {
            class: ['nav-link', isActive(item.name, route) && 'active'],
            attrs: { href: hrefFor(item.name) },
          },
          item.title,
        ),
      ),
    );
    if (!user) {
      userBox.replaceChildren();
      return;
    }
    const logout = h(
      'button',
      {
        class: 'btn btn-small btn-ghost-light',
        attrs: { type: 'button' },
        data: { testid: 'logout' },
      },
      'Log out',
    );
    logout.addEventListener('click', () => {
      logOut()
        .catch(toastError)
        .finally(() => navigate(hrefFor('login')));
    });
    replaceChildren(
      userBox,
      h('span', { class: 'user-name', data: { testid: 'user-name' } }, user.name),
      h('span', { class: 'role' }, user.role),
      logout,
    );
  }

  function onRoute(route: Route): void {
    if (!currentUser()) {
      if (route.name !== 'login') pendingHash = location.hash;
      renderChrome(route);
      show(
        loginView(() => {
          const target =
            pendingHash && parseHash(pendingHash).name !== 'login' ? pendingHash : hrefFor('queue');
          pendingHash = null;
          navigate(target);
        }),
      );
      return;
    }
    if (route.name === 'login') {
      navigate(hrefFor('queue'));
      return;
    }
    renderChrome(route);
    show(viewFor(route));
  }

  onUnauthorized(() => {
    if (!currentUser()) return;
    forgetSession();
    onRoute(parseHash(location.hash));
  });

  replaceChildren(root, topbar, main);
  try {
    await restoreSession();
  } catch (err) {
    toastError(err);
  }
  startRouter(onRoute);
}

function isActive(name: string, route: Route): boolean {
  if (name === 'queue')
    return route.name === 'queue' || route.name === 'ring' || route.name === 'account';
  if (name === 'cases') return route.name === 'cases' || route.name === 'case';
  return route.name === name;
}
