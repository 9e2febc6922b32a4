import cytoscape from 'cytoscape';
import type { CyElements } from '../../server/api-types';
import { accountNodeId, toCyElements, userIdOf } from '../../web/src/graph/elements';
import { fanOutCoincident } from '../../web/src/graph/layouts';

const elements: CyElements = {
  nodes: [
    {
      data: {
        id: 'account:a',
        type: 'account',
        label: 'a',
        props: { userId: 'a', label: 'fraud', stub: false, chargebacks: 0, member: true },
      },
    },
    {
      data: {
        id: 'account:b',
        type: 'account',
        label: 'b',
        props: { userId: 'b', label: null, stub: true, member: true },
      },
    },
    {
      data: {
        id: 'device:d1',
        type: 'device',
        label: 'd1',
        props: { kind: 'device', raw: 'd1', accounts: 2 },
      },
    },
    {
      data: {
        id: 'ip:1.2.3.4',
        type: 'hub',
        label: '1.2.3.4 (312 accounts)',
        props: { kind: 'ip', count: 312, accounts: 312 },
      },
    },
  ],
  edges: [
    {
      data: {
        id: 'uses:account:a->device:d1',
        source: 'account:a',
        target: 'device:d1',
        type: 'uses',
        props: { firstSeen: 1000, lastSeen: 5000 },
      },
    },
    {
      data: {
        id: 'uses:account:b->ip:1.2.3.4',
        source: 'account:b',
        target: 'ip:1.2.3.4',
        type: 'uses',
        props: { firstSeen: null, lastSeen: null },
      },
    },
    {
      data: {
        id: 'pays:account:b->account:a',
        source: 'account:b',
        target: 'account:a',
        type: 'pays',
        props: { count: 3, amount: 12450.5, chargebacks: 2, firstAt: 2000, lastAt: 9000 },
      },
    },
  ],
};

describe('graph elements for drawing', () => {
  const drawn = toCyElements(elements, ['expanded']);
  const byId = new Map(drawn.map((d) => [String(d.data.id), d]));

  test('accounts carry their user id and marks for fraud labels, chargebacks and stubs', () => {
    expect(byId.get('account:a')).toMatchObject({
      data: { userId: 'a', chargebacks: 0 },
      classes: ['type-account', 'fraud', 'member', 'expanded'],
    });
    expect(byId.get('account:b')).toMatchObject({
      data: { userId: 'b', chargebacks: 2 },
      classes: ['type-account', 'chargeback', 'stub', 'member', 'expanded'],
    });
  });

  test('a hub shows its kind and count; identifiers are marked as such', () => {
    expect(byId.get('ip:1.2.3.4')).toMatchObject({
      data: { display: 'ip ×312', count: 312, userId: null },
      classes: ['type-hub', 'expanded'],
    });
    expect(byId.get('device:d1')?.classes).toEqual(['type-device', 'identifier', 'expanded']);
  });

  test('edges carry their time span (null when untimed) and payments their amount', () => {
    expect(byId.get('uses:account:a->device:d1')?.data).toMatchObject({ t0: 1000, t1: 5000 });
    expect(byId.get('uses:account:b->ip:1.2.3.4')?.data).toMatchObject({ t0: null, t1: null });
    expect(byId.get('pays:account:b->account:a')).toMatchObject({
      data: { amount: 12450.5, display: '12.5k (3)', t0: 2000, t1: 9000 },
      classes: ['type-pays', 'expanded', 'chargeback'],
    });
  });

  test('account node ids follow the store scheme', () => {
    expect(accountNodeId('u 1')).toBe('account:u 1');
    expect(userIdOf({ id: 'account:x:y', type: 'account', label: '', props: {} })).toBe('x:y');
    expect(userIdOf({ id: 'device:d', type: 'device', label: '', props: {} })).toBeNull();
  });
});

test('nodes stacked on one spot are fanned out onto distinct positions', () => {
  const cy = cytoscape({
    headless: true,
    layout: { name: 'preset' },
    elements: [0, 1, 2, 3].map((i) => ({ data: { id: `n${i}` }, position: { x: 100, y: 100 } })),
  });
  cy.add({ data: { id: 'far' }, position: { x: 500, y: 500 } });
  fanOutCoincident(cy);
  const spots = new Set(
    cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`),
  );
  expect(spots.size).toBe(5);
  expect(cy.getElementById('far').position()).toEqual({ x: 500, y: 500 });
  const r = Math.hypot(
    cy.getElementById('n2').position('x') - 100,
    cy.getElementById('n2').position('y') - 100,
  );
  expect(r).toBeCloseTo(28, 5);
});
