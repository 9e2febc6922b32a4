import type { AccountView, GraphNode, IdentifierKind } from '../types';
import { accountIdsByNode, type CaseSnapshot, type PaymentLink } from './case-snapshot';
import type { ExportMasker } from './export-masker';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why each account belongs to the case, as sentences a person can read: the identifiers it shares
 * with other accounts of the case (masked like the rest of the export), the hub identifiers it
 * uses, the payments it made to and received from them, its earlier fraud label and chargebacks.
 * Derived from the snapshot alone, so a frozen case always gives the same sentences. Returns a
 * function of the account; the subgraph is indexed once per snapshot.
 */
export function accountEvidence(
  snapshot: CaseSnapshot,
  masker: ExportMasker,
): (account: AccountView) => string[] {
  const caseAccounts = new Set(snapshot.case.accounts);
  const userIds = accountIdsByNode(snapshot.subgraph);
  const nodes = new Map(snapshot.subgraph.nodes.map((n) => [n.id, n]));
  const usersOf = new Map<string, string[]>();
  const identifiersOf = new Map<string, GraphNode[]>();
  for (const e of snapshot.subgraph.edges) {
    const userId = userIds.get(e.source);
    const target = nodes.get(e.target);
    if (
      e.type !== 'uses' ||
      userId === undefined ||
      target === undefined ||
      !caseAccounts.has(userId)
    )
      continue;
    push(usersOf, e.target, userId);
    push(identifiersOf, userId, target);
  }
  const sentBy = new Map<string, PaymentLink[]>();
  const receivedBy = new Map<string, PaymentLink[]>();
  for (const p of snapshot.payments) {
    if (p.payerId === p.payeeId) continue;
    push(sentBy, p.payerId, p);
    push(receivedBy, p.payeeId, p);
  }
  return (account) => {
    const out: string[] = [];
    for (const n of identifiersOf.get(account.userId) ?? []) {
      const sharedWith = (usersOf.get(n.id)?.length ?? 1) - 1;
      if (n.type === 'hub') {
        const count = typeof n.props.count === 'number' ? n.props.count : null;
        out.push(
          `uses a ${String(n.props.kind ?? 'shared')} identifier shared by ${count === null ? 'many' : count} accounts (hub)`,
        );
      } else if (n.type !== 'account' && sharedWith >= 1) {
        const raw = typeof n.props.raw === 'string' ? n.props.raw : n.id.slice(n.type.length + 1);
        out.push(
          `shares ${n.type} ${masker.identifier(n.type as IdentifierKind, raw)} with ${plural(sharedWith, 'other account')} of the case`,
        );
      }
    }
    const sent = sentBy.get(account.userId) ?? [];
    const received = receivedBy.get(account.userId) ?? [];
    if (sent.length > 0)
      out.push(`paid ${plural(sent.length, 'account')} of the case (${paymentTotals(sent)})`);
    if (received.length > 0)
      out.push(
        `was paid by ${plural(received.length, 'account')} of the case (${paymentTotals(received)})`,
      );
    if (account.label === 'fraud') out.push('labelled fraud by an earlier investigation');
    if (account.payments.chargebacks > 0)
      out.push(`has ${plural(account.payments.chargebacks, 'chargeback')}`);
    return out;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function paymentTotals(links: PaymentLink[]): string {
  const count = links.reduce((s, p) => s + (p.count ?? 0), 0);
  const amount = links.reduce((s, p) => s + (p.amount ?? 0), 0);
  return `${plural(count, 'payment')}, amount ${Math.round(amount * 100) / 100}`;
}
