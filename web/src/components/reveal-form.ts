/**
 * Asks for the reason before personal data is shown in full. The reason goes to the server,
 * which records it in the audit log; nothing is revealed without one.
 */
import type { Reveal } from '../api/endpoints';
import { h } from '../dom';

/** A "Reveal PII" button that opens a reason form; `onReveal` receives the reason given. */
export function revealControl(onReveal: (reveal: Reveal) => Promise<void>): HTMLElement {
  const wrapper = h('div', { class: 'reveal' });
  const open = h(
    'button',
    {
      class: 'btn btn-small btn-ghost',
      attrs: { type: 'button' },
      data: { testid: 'reveal-open' },
    },
    'Reveal personal data…',
  );
  const reason = h('input', {
    attrs: {
      type: 'text',
      name: 'reason',
      required: true,
      minlength: 3,
      maxlength: 500,
      placeholder: 'Reason (recorded in the audit log)',
      'aria-label': 'Reason for revealing',
    },
  });
  const submit = h(
    'button',
    { class: 'btn btn-small btn-primary', attrs: { type: 'submit' } },
    'Reveal',
  );
  const cancel = h('button', { class: 'btn btn-small', attrs: { type: 'button' } }, 'Cancel');
  const form = h('form', { class: 'reveal-form', attrs: { hidden: true } }, reason, submit, cancel);

  open.addEventListener('click', () => {
    form.hidden = false;
    open.hidden = true;
    reason.focus();
  });
  cancel.addEventListener('click', () => {
    form.hidden = true;
    open.hidden = false;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text.length < 3) return;
    submit.disabled = true;
    void onReveal({ reason: text }).finally(() => {
      submit.disabled = false;
    });
  });
  wrapper.append(open, form);
  return wrapper;
}
