import { createHmac } from 'node:crypto';
import type {
  AccountView,
  Evidence,
  GraphEdge,
  GraphNode,
  IdentifierKind,
  SearchHit,
  Subgraph,
} from '../types';
import { IDENTIFIER_KINDS } from '../types';
import { PII_FIELDS, PII_KINDS, maskIdentifier } from './mask-value';

type Props = Record<string, string | number | boolean | null>;

const DIGESTS_KEPT = 100_000;

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function kindOfEvidence(kind: string): IdentifierKind | null {
  return IDENTIFIER_KINDS.find((k) => kind.includes(k)) ?? null;
}

function maskProps(props: Props, kind: IdentifierKind | null): Props {
  const out: Props = {};
  for (const key in props) {
    const v = props[key];
    const fieldKind = PII_FIELDS[key] ?? (kind && (key === 'raw' || key === 'value') ? kind : null);
    out[key] =
      typeof v === 'string' && fieldKind && PII_KINDS.has(fieldKind)
        ? maskIdentifier(fieldKind, v)
        : v;
  }
  return out;
}

/**
 * Masks personal data in what the API and exports return: emails, phones, addresses and card ids.
 * Graph ids of PII identifiers (`email:<value>`) become `email:~<digest>`, a keyed HMAC of the
 * value, so the same identifier keeps one id across replies of one server but cannot be reversed
 * by hashing guesses (phone numbers are few enough to enumerate).
 */
export class Masker {
  /**
   * Digests already computed: the same identifiers and edges recur across the graphs of one
   * ring's members, and an HMAC costs more than the rest of masking a node. Bounded: emptied
   * when full.
   */
  private readonly digests = new Map<string, string>();

  constructor(private readonly key: string) {}

  private digest(value: string): string {
    let d = this.digests.get(value);
    if (d === undefined) {
      d = createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 16);
      if (this.digests.size >= DIGESTS_KEPT) this.digests.clear();
      this.digests.set(value, d);
    }
    return d;
  }

  account(a: AccountView): AccountView {
    return {
      ...a,
      email: a.email === null ? null : maskIdentifier('email', a.email),
      phone: a.phone === null ? null : maskIdentifier('phone', a.phone),
      address: a.address === null ? null : maskIdentifier('address', a.address),
      identifiers: a.identifiers.map((i) =>
        PII_KINDS.has(i.kind)
          ? { ...i, value: maskIdentifier(i.kind, i.value), raw: maskIdentifier(i.kind, i.raw) }
          : i,
      ),
    };
  }

  private nodeId(id: string): string {
    const colon = id.indexOf(':');
    if (colon <= 0) return id;
    const kind = id.slice(0, colon) as IdentifierKind;
    return PII_KINDS.has(kind) ? `${kind}:~${this.digest(id.slice(colon + 1))}` : id;
  }

  private node(n: GraphNode): GraphNode {
    if (n.type === 'account') return { ...n, props: maskProps(n.props, null) };
    const kind = n.type === 'hub' ? ((n.props.kind as IdentifierKind | undefined) ?? null) : n.type;
    if (kind === null || !PII_KINDS.has(kind)) return n;
    const raw = typeof n.props.raw === 'string' ? n.props.raw : null;
    const label =
      n.type === 'hub'
        ? raw
          ? n.label.split(raw).join(maskIdentifier(kind, raw))
          : n.label
        : maskIdentifier(kind, n.label);
    return { ...n, id: this.nodeId(n.id), label, props: maskProps(n.props, kind) };
  }

  private edge(e: GraphEdge, ids: Map<string, string>): GraphEdge {
    const source = ids.get(e.source) ?? this.nodeId(e.source);
    const target = ids.get(e.target) ?? this.nodeId(e.target);
    const changed = source !== e.source || target !== e.target;
    return {
      ...e,
      id: changed ? `e:~${this.digest(e.id)}` : e.id,
      source,
      target,
      props: maskProps(e.props, null),
    };
  }

  subgraph(g: Subgraph): Subgraph {
    const ids = new Map<string, string>();
    const nodes = g.nodes.map((n) => {
      const m = this.node(n);
      ids.set(n.id, m.id);
      return m;
    });
    return { nodes, edges: g.edges.map((e) => this.edge(e, ids)), capped: g.capped };
  }

  /** Masks an evidence item's values of PII kinds and every place its sentence quotes them. */
  evidence(e: Evidence): Evidence {
    const kind = kindOfEvidence(e.kind);
    const out: Evidence = { ...e };
    let text = e.text;
    if (kind && PII_KINDS.has(kind)) {
      for (const [key, v] of Object.entries(e)) {
        if (key === 'kind' || key === 'text' || typeof v !== 'string' || v.length === 0) continue;
        const masked = maskIdentifier(kind, v);
        out[key] = masked;
        text = text.split(v).join(masked);
      }
    }
    out.text = text.replace(EMAIL_IN_TEXT, (m) => maskIdentifier('email', m));
    return out;
  }

  hit(h: SearchHit): SearchHit {
    return h.kind !== 'account' && PII_KINDS.has(h.kind)
      ? { ...h, value: maskIdentifier(h.kind, h.value) }
      : h;
  }
}
