/**
 * The UI's only way to build DOM. Text always goes in as text nodes and attributes through
 * `setAttribute`, so data from the API can never become markup or script: there is no path
 * from a string to HTML here. Event handlers are attached with `addEventListener` (inline
 * handlers would break the CSP and are refused).
 */

export type Child = Node | string | number | null | undefined | false;

type Handlers = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string | Array<string | false | null | undefined>;
  /** `data-*` attributes, keys in camelCase as in `dataset`. */
  data?: Record<string, string | number>;
  on?: Handlers;
  /** Plain attributes (`type`, `href`, `title`, `aria-*`, …); `false`/`null` leaves one out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
}

/**
 * Creates an element with classes, attributes, listeners and children.
 * Throws on `on*` attribute names: handlers go in `on`, never in markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const classes = Array.isArray(props.class) ? props.class.filter(Boolean).join(' ') : props.class;
  if (classes) el.className = classes;
  for (const [key, value] of Object.entries(props.data ?? {})) el.dataset[key] = String(value);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name) || name.toLowerCase() === 'style')
      throw new Error(`dom: attribute ${name} is not allowed`);
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, handler as EventListener);
  }
  append(el, ...children);
  return el;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** `document.querySelector` that fails loudly when the element is missing. */
export function must<T extends Element>(selector: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`dom: ${selector} not found`);
  return el;
}
