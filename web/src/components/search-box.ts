/**
 * The search box in the top bar: an account id, email, phone, device, card or IP (the server
 * normalises it). One account hit jumps straight to it; otherwise the hits are listed, each
 * identifier with the accounts that use it.
 */
import type { ApiSearchHit } from '../../../server/api-types';
import { endpoints } from '../api/endpoints';
import { h, replaceChildren } from '../dom';
import { humanize } from '../format';
import { hrefFor, navigate } from '../router';
import { toastError } from './toast';

export function createSearchBox(): HTMLElement {
  const input = h('input', {
    attrs: {
      type: 'search',
      name: 'q',
      placeholder: 'Search account, email, phone, device, card, IP',
      'aria-label': 'Search',
      autocomplete: 'off',
      maxlength: 256,
    },
    data: { testid: 'search-input' },
  });
  const results = h('div', {
    class: 'search-results',
    attrs: { hidden: true, role: 'listbox' },
    data: { testid: 'search-results' },
  });
  const form = h('form', { class: 'search', attrs: { role: 'search' } }, input, results);

  const close = () => {
    results.hidden = true;
  };
  const go = (href: string) => {
    close();
    navigate(href);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    endpoints
      .search(q)
      .then((reply) => {
        const accounts = reply.hits.filter((hit) => hit.kind === 'account');
        if (reply.hits.length === 1 && accounts.length === 1) {
          go(hrefFor('account', accounts[0].value));
          return;
        }
        replaceChildren(
          results,
          ...(reply.hits.length
            ? reply.hits.map((hit) => hitItem(hit, go))
            : [h('p', { class: 'muted' }, `Nothing found for “${q}”.`)]),
        );
        results.hidden = false;
      })
      .catch(toastError);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) close();
  });
  return form;
}

function hitItem(hit: ApiSearchHit, go: (href: string) => void): HTMLElement {
  if (hit.kind === 'account') {
    return h(
      'button',
      {
        class: 'search-hit',
        attrs: { type: 'button' },
        on: { click: () => go(hrefFor('account', hit.value)) },
      },
      h('span', { class: 'id-kind' }, 'Account'),
      h('span', { class: 'mono' }, hit.value),
    );
  }
  return h(
    'div',
    { class: 'search-hit' },
    h('span', { class: 'id-kind' }, humanize(hit.kind)),
    h('span', {}, hit.value),
    h(
      'span',
      { class: 'muted small' },
      ` used by ${hit.userIds.length} account${hit.userIds.length === 1 ? '' : 's'}`,
    ),
    h(
      'div',
      { class: 'hit-accounts' },
      ...hit.userIds.slice(0, 12).map((userId) =>
        h(
          'button',
          {
            class: 'link mono',
            attrs: { type: 'button' },
            on: { click: () => go(hrefFor('account', userId)) },
          },
          userId,
        ),
      ),
    ),
  );
}
