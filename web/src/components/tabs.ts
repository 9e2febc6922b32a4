/** A tab strip over panels; the active tab is reported so the URL can hold it. */
import { h } from '../dom';

export interface TabSpec {
  id: string;
  title: string;
  render: () => HTMLElement;
}

export interface Tabs {
  el: HTMLElement;
  show(id: string): void;
  /** Re-renders the panel of `id` if it is the one on screen. */
  refresh(id: string): void;
}

/** Builds tabs; `onChange` receives the id of the tab the user picked. */
export function createTabs(
  specs: TabSpec[],
  initial: string,
  onChange: (id: string) => void,
): Tabs {
  const panel = h('div', { class: 'tab-panel', attrs: { role: 'tabpanel' } });
  const buttons = new Map<string, HTMLButtonElement>();
  let active = '';
  const strip = h('div', { class: 'tab-strip', attrs: { role: 'tablist' } });
  for (const spec of specs) {
    const button = h(
      'button',
      {
        class: 'tab',
        data: { tab: spec.id },
        attrs: { type: 'button', role: 'tab' },
        on: {
          click: () => {
            show(spec.id);
            onChange(spec.id);
          },
        },
      },
      spec.title,
    );
    buttons.set(spec.id, button);
    strip.appendChild(button);
  }
  function show(id: string): void {
    const spec = specs.find((s) => s.id === id) ?? specs[0];
    active = spec.id;
    for (const [key, button] of buttons) {
      button.classList.toggle('active', key === active);
      button.setAttribute('aria-selected', String(key === active));
    }
    panel.replaceChildren(spec.render());
  }
  show(initial);
  return {
    el: h('div', { class: 'tabs' }, strip, panel),
    show,
    refresh: (id) => {
      if (id === active) show(id);
    },
  };
}
