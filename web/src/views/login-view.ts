/** The log-in screen. On success the shell takes over and returns to the page that was asked for. */
import { ApiRequestError } from '../api/client';
import { h } from '../dom';
import { logIn } from '../session';
import type { SessionUser } from '../../../server/api-types';
import type { View } from './view';

export function loginView(onLoggedIn: (user: SessionUser) => void): View {
  const name = h('input', {
    attrs: { type: 'text', name: 'name', required: true, autocomplete: 'username', maxlength: 128 },
    data: { testid: 'login-name' },
  });
  const password = h('input', {
    attrs: {
      type: 'password',
      name: 'password',
      required: true,
      autocomplete: 'current-password',
      maxlength: 256,
    },
    data: { testid: 'login-password' },
  });
  const error = h('p', { class: 'error', attrs: { role: 'alert', hidden: true } });
  const submit = h(
    'button',
    {
      class: 'btn btn-primary btn-block',
      attrs: { type: 'submit' },
      data: { testid: 'login-submit' },
    },
    'Log in',
  );
  const form = h(
    'form',
    { class: 'login-card' },
    h(
      'div',
      { class: 'brand brand-large' },
      h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
      'fraud-rings',
    ),
    h('p', { class: 'muted' }, 'Investigation workspace. Sign in with your investigator account.'),
    h('label', { class: 'field' }, h('span', {}, 'Name'), name),
    h('label', { class: 'field' }, h('span', {}, 'Password'), password),
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    logIn(name.value.trim(), password.value)
      .then(onLoggedIn)
      .catch((err: unknown) => {
        error.hidden = false;
        error.textContent =
          err instanceof ApiRequestError && err.status === 401
            ? 'Name or password is wrong.'
            : err instanceof ApiRequestError && err.status === 429
              ? 'Too many attempts. Wait a minute and try again.'
              : 'Could not log in. Try again.';
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  queueMicrotask(() => name.focus());
  return { el: h('div', { class: 'login-view', data: { testid: 'login-view' } }, form) };
}
