import { SubgraphBuilder } from '../../core/store/neo4j/subgraph-builder';

const accountRow = (userId: string, over: Record<string, unknown> = {}) => ({
  userId,
  name: `N ${userId}`,
  email: null,
  phone: null,
  address: null,
  country: 'GB',
  label: null,
  stub: false,
  createdAt: 5,
  chargebacks: 0,
  ...over,
});

describe('subgraph builder (Neo4j adapter)', () => {
  it('builds account, identifier and hub nodes with uses and pays edges, sorted by id', () => {
    const g = new SubgraphBuilder(10);
    g.addAccount('b');
    g.addAccount('a');
    const email = g.addIdentifier('email', 'x@example.com', 'X@example.com', 2, 3);
    const hub = g.addIdentifier('ip', '10.0.0.1', '10.0.0.1', 40, 3);
    expect(email?.id).toBe('email:x@example.com');
    expect(hub).toMatchObject({ id: 'ip:10.0.0.1', type: 'hub', props: { kind: 'ip', count: 40 } });
    g.addUses('a', 'email:x@example.com', 1, 2);
    g.addUses('b', 'email:x@example.com', null, null);
    g.addUses('a', 'ip:10.0.0.1', 3, 4);
    g.addUses('zz', 'email:x@example.com', null, null);
    g.addPays('a', 'b', { count: 2, amount: 15, chargebacks: 1, firstAt: 10, lastAt: 20 });
    g.addPays('a', 'outside', { count: 1, amount: 1, chargebacks: 0, firstAt: 1, lastAt: 1 });
    const out = g.build([
      accountRow('a', { label: 'fraud', chargebacks: 1 }),
      accountRow('b', { stub: true }),
    ]);
    expect(out.capped).toBe(true);
    expect(out.nodes.map((n) => [n.id, n.type])).toEqual([
      ['account:a', 'account'],
      ['account:b', 'account'],
      ['email:x@example.com', 'email'],
      ['ip:10.0.0.1', 'hub'],
    ]);
    expect(out.nodes[0].props).toMatchObject({
      userId: 'a',
      label: 'fraud',
      stub: false,
      chargebacks: 1,
      createdAt: 5,
    });
    expect(out.nodes[2].props).toEqual({
      kind: 'email',
      value: 'x@example.com',
      raw: 'X@example.com',
      accounts: 2,
    });
    expect(out.edges.map((e) => [e.id, e.props])).toEqual([
      [
        'pays:account:a->account:b',
        { count: 2, amount: 15, chargebacks: 1, firstAt: 10, lastAt: 20 },
      ],
      ['uses:account:a->email:x@example.com', { firstSeen: 1, lastSeen: 2 }],
      ['uses:account:a->ip:10.0.0.1', { firstSeen: 3, lastSeen: 4 }],
      ['uses:account:b->email:x@example.com', { firstSeen: null, lastSeen: null }],
    ]);
  });

  it('stops at the node limit and marks the result capped', () => {
    const g = new SubgraphBuilder(2);
    expect(g.addAccount('a')).toBe(true);
    expect(g.addIdentifier('device', 'd', 'd', 2, 5)?.id).toBe('device:d');
    expect(g.addAccount('b')).toBe(false);
    expect(g.addIdentifier('card', 'c', 'c', 2, 5)).toBeNull();
    expect(g.addAccount('a')).toBe(true);
    const out = g.build([accountRow('a')]);
    expect(out.nodes.map((n) => n.id)).toEqual(['account:a', 'device:d']);
    expect(out.capped).toBe(true);
  });
});
