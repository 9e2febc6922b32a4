import type { CaseExportDocument } from './case-document';
import { escapeHtml } from './escape-html';

/** Size of the drawing (SVG user units); the page scales it to its width. */
export const GRAPH_SVG_SIZE = 640;

const FILL: Record<string, string> = {
  account: '#1f6feb',
  email: '#8250df',
  phone: '#bf3989',
  address: '#9a6700',
  card: '#cf222e',
  ip: '#1a7f37',
  device: '#0a3069',
  hub: '#6e7781',
};

const LABEL_MAX = 18;

const shorten = (text: string): string =>
  Array.from(text).length > LABEL_MAX
    ? `${Array.from(text)
        .slice(0, LABEL_MAX - 1)
        .join('')}…`
    : text;
const fixed = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/**
 * The case subgraph as an inline SVG, drawn on the server so the report needs no script and no
 * external resource: accounts on an outer circle and identifiers on an inner one, each in the
 * document's (sorted) order, so the same graph always gives the same bytes. `uses` links are thin
 * grey lines, payments are red arrows. Every label is escaped; full labels are in `<title>`s.
 */
export function renderGraphSvg(graph: CaseExportDocument['graph']): string {
  const size = GRAPH_SVG_SIZE;
  const centre = size / 2;
  const accounts = graph.nodes.filter((n) => n.type === 'account');
  const others = graph.nodes.filter((n) => n.type !== 'account');
  const position = new Map<string, { x: number; y: number }>();
  const place = (list: typeof graph.nodes, radius: number, phase: number) =>
    list.forEach((n, i) => {
      const angle = phase + (2 * Math.PI * i) / Math.max(list.length, 1) - Math.PI / 2;
      position.set(n.id, {
        x: centre + radius * Math.cos(angle),
        y: centre + radius * Math.sin(angle),
      });
    });
  place(accounts, others.length === 0 ? size * 0.36 : size * 0.4, 0);
  place(
    others,
    accounts.length === 0 ? size * 0.36 : size * 0.2,
    others.length > 0 ? Math.PI / others.length : 0,
  );

  const lines = graph.edges
    .filter((e) => position.has(e.source) && position.has(e.target))
    .map((e) => {
      const a = position.get(e.source) as { x: number; y: number };
      const b = position.get(e.target) as { x: number; y: number };
      const attrs =
        e.type === 'pays'
          ? 'stroke="#cf222e" stroke-width="1.6" marker-end="url(#arrow)"'
          : 'stroke="#8c959f" stroke-width="1"';
      return `<line x1="${fixed(a.x)}" y1="${fixed(a.y)}" x2="${fixed(b.x)}" y2="${fixed(b.y)}" ${attrs}><title>${escapeHtml(`${e.source} ${e.type} ${e.target}`)}</title></line>`;
    });
  const circles = graph.nodes.map((n) => {
    const p = position.get(n.id) as { x: number; y: number };
    const r = n.type === 'account' ? 9 : 6;
    const below = p.y >= centre;
    return (
      `<g><circle cx="${fixed(p.x)}" cy="${fixed(p.y)}" r="${r}" fill="${FILL[n.type] ?? '#6e7781'}"><title>${escapeHtml(`${n.type}: ${n.label}`)}</title></circle>` +
      `<text x="${fixed(p.x)}" y="${fixed(p.y + (below ? r + 12 : -r - 5))}" text-anchor="middle" font-size="10" fill="#24292f">${escapeHtml(shorten(n.label))}</text></g>`
    );
  });
  const empty =
    graph.nodes.length === 0
      ? `<text x="${centre}" y="${centre}" text-anchor="middle" font-size="14" fill="#57606a">No graph data</text>`
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="Case subgraph: ${accounts.length} accounts, ${others.length} identifiers">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#cf222e"/></marker></defs>' +
    `<rect x="0" y="0" width="${size}" height="${size}" fill="#ffffff"/>` +
    lines.join('') +
    circles.join('') +
    empty +
    '</svg>'
  );
}

/** Colours of node types, for the legend under the drawing. */
export const GRAPH_LEGEND: ReadonlyArray<[string, string]> = Object.entries(FILL);
