import type { AccountView, IdentifierKind } from '../types';
import type { CaseSnapshot } from './case-snapshot';
import type { ExportMasker } from './export-masker';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why one account belongs to the case, as sentences a person can read: the identifiers it shares
 * with other accounts of the case (masked like the rest of the export), the hub identifiers it
 * uses, the payments it made to and received from them, its earlier fraud label and chargebacks.
 * Derived from the snapshot alone, so a frozen case always gives the same sentences.
 */
export function accountEvidence(
  account: AccountView,
  snapshot: CaseSnapshot,
  masker: ExportMasker,
): string[] {
  const { nodes, edges } = snapshot.subgraph;
  const caseAccounts = new Set(snapshot.case.accounts);
  const users = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type !== 'uses' || !caseAccounts.has(e.source)) continue;
    users.set(e.target, [...(users.get(e.target) ?? []), e.source]);
  }
  const out: string[] = [];
  for (const n of nodes) {
    const linked = users.get(n.id);
    if (!linked?.includes(account.userId)) continue;
    if (n.type === 'hub') {
      const count = typeof n.props.count === 'number' ? n.props.count : null;
      out.push(
        `uses a ${String(n.props.kind ?? 'shared')} identifier shared by ${count === null ? 'many' : count} accounts (hub)`,
      );
    } else if (n.type !== 'account' && linked.length >= 2) {
      const raw = typeof n.props.raw === 'string' ? n.props.raw : n.id.slice(n.type.length + 1);
      out.push(
        `shares ${n.type} ${masker.identifier(n.type as IdentifierKind, raw)} with ${plural(linked.length - 1, 'other account')} of the case`,
      );
    }
  }
  const sent = snapshot.payments.filter(
    (p) => p.payerId === account.userId && p.payeeId !== account.userId,
  );
  const received = snapshot.payments.filter(
    (p) => p.payeeId === account.userId && p.payerId !== account.userId,
  );
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
}

function paymentTotals(links: CaseSnapshot['payments']): string {
  const count = links.reduce((s, p) => s + (p.count ?? 0), 0);
  const amount = links.reduce((s, p) => s + (p.amount ?? 0), 0);
  return `${plural(count, 'payment')}, amount ${Math.round(amount * 100) / 100}`;
}
