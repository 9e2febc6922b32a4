/** What every screen gives the shell: its element and how to release what it holds. */
import type { Route } from '../router';

export interface View {
  el: HTMLElement;
  /** Stops timers, destroys graphs. */
  dispose?: () => void;
}

export type ViewFactory = (route: Route) => View;
