/** Contract: neighbourhoods (depth, hub cap, node limit) and ring subgraphs. */
import type { Subgraph } from '../../core/types';
import type { ContractContext } from './graph-store.contract';
import {
  account,
  accountWithEmail,
  loadAll,
  payment,
  ref,
  sighting,
  T0,
  uniqueIds,
} from './contract-fixtures';

/** Account node ids are `account:<userId>`; identifier (and hub) node ids `<kind>:<value>`. */
const plain = (nodeId: string) => nodeId.replace(/^account:/, '');
const accountIds = (g: Subgraph) =>
  g.nodes
    .filter((n) => n.type === 'account')
    .map((n) => plain(n.id))
    .sort();
const edgeKeys = (g: Subgraph, type: 'uses' | 'pays') =>
  g.edges
    .filter((e) => e.type === type)
    .map((e) => `${plain(e.source)}>${plain(e.target)}`)
    .sort();

/**
 * A chain a -email- b -device- c -phone- d, a paying e, and an IP shared by a and five others
 * (h1..h5): a hub once the cap is below six.
 */
async function loadChain(ctx: ContractContext, id: (n: string) => string): Promise<void> {
  const hubbed = ['h1', 'h2', 'h3', 'h4', 'h5'].map(id);
  await loadAll(ctx.store(), {
    accounts: [
      accountWithEmail(id('a'), `${id('ab')}@example.com`),
      accountWithEmail(id('b'), `${id('ab')}@example.com`),
      account(id('c'), { phone: id('cd'), identifiers: [ref('phone', id('cd'))] }),
      account(id('d'), { phone: id('cd'), identifiers: [ref('phone', id('cd'))] }),
      ...hubbed.map((h) => account(h)),
    ],
    sightings: [
      sighting(id('b'), id('bc-dev'), T0),
      sighting(id('c'), id('bc-dev'), T0 + 1000),
      sighting(id('a'), id('a-dev'), T0, id('hub-ip')),
      ...hubbed.map((h, i) => sighting(h, id(`dev-${i}`), T0, id('hub-ip'))),
    ],
    payments: [
      payment(id('p-ae'), id('a'), id('e'), 25),
      payment(id('p-bc'), id('b'), id('c'), 40),
    ],
  });
}

export function describeSubgraphContract(ctx: ContractContext): void {
  describe('subgraphs', () => {
    it('neighbourhood depth 1: accounts one hop away through identifiers and payments, hubs collapsed', async () => {
      const id = uniqueIds();
      await loadChain(ctx, id);
      const g = await ctx
        .store()
        .neighbourhood({ userId: id('a'), depth: 1, limit: 100, hubCap: 3 });
      expect(accountIds(g)).toEqual([id('a'), id('b'), id('e')].sort());
      expect(g.nodes.find((n) => n.type === 'account' && n.props.userId === id('a'))?.id).toBe(
        `account:${id('a')}`,
      );
      const hub = g.nodes.find((n) => n.type === 'hub');
      expect(hub).toMatchObject({ id: `ip:${id('hub-ip')}`, props: { kind: 'ip', count: 6 } });
      expect(g.capped).toBe(true);
      const email = g.nodes.find((n) => n.id === `email:${id('ab')}@example.com`);
      expect(email?.type).toBe('email');
      expect(edgeKeys(g, 'uses')).toEqual(
        expect.arrayContaining([
          `${id('a')}>${email?.id}`,
          `${id('b')}>${email?.id}`,
          `${id('a')}>${hub?.id}`,
        ]),
      );
      expect(edgeKeys(g, 'pays')).toEqual([`${id('a')}>${id('e')}`]);
      const pays = g.edges.find((e) => e.type === 'pays');
      expect(pays?.props).toMatchObject({ count: 1, amount: 25 });
      const ids = g.nodes.map((n) => n.id);
      for (const e of g.edges) {
        expect(ids).toContain(e.source);
        expect(ids).toContain(e.target);
      }
    });

    it('neighbourhood grows with depth and follows a shared identifier under the hub cap', async () => {
      const id = uniqueIds();
      await loadChain(ctx, id);
      const store = ctx.store();
      const two = await store.neighbourhood({ userId: id('a'), depth: 2, limit: 100, hubCap: 3 });
      expect(accountIds(two)).toEqual([id('a'), id('b'), id('c'), id('e')].sort());
      const three = await store.neighbourhood({ userId: id('a'), depth: 3, limit: 100, hubCap: 3 });
      expect(accountIds(three)).toEqual([id('a'), id('b'), id('c'), id('d'), id('e')].sort());
      const open = await store.neighbourhood({ userId: id('a'), depth: 1, limit: 100, hubCap: 10 });
      expect(accountIds(open)).toEqual(
        [id('a'), id('b'), id('e'), ...['h1', 'h2', 'h3', 'h4', 'h5'].map(id)].sort(),
      );
      expect(open.nodes.some((n) => n.type === 'hub')).toBe(false);
      expect(open.capped).toBe(false);
    });

    it('neighbourhood stops at the node limit and says so', async () => {
      const id = uniqueIds();
      await loadChain(ctx, id);
      const g = await ctx
        .store()
        .neighbourhood({ userId: id('a'), depth: 3, limit: 3, hubCap: 10 });
      expect(g.nodes.length).toBeLessThanOrEqual(3);
      expect(accountIds(g)).toContain(id('a'));
      expect(g.capped).toBe(true);
    });

    it('neighbourhood refuses an unknown account and out-of-range bounds with typed errors', async () => {
      const id = uniqueIds();
      await loadChain(ctx, id);
      const store = ctx.store();
      await expect(
        store.neighbourhood({ userId: id('nobody'), depth: 1, limit: 10, hubCap: 3 }),
      ).rejects.toMatchObject({
        code: 'ACCOUNT_NOT_FOUND',
      });
      for (const bad of [{ depth: 0 }, { depth: 4 }, { limit: 0 }, { hubCap: 1.5 }]) {
        await expect(
          store.neighbourhood({ userId: id('a'), depth: 1, limit: 10, hubCap: 3, ...bad }),
        ).rejects.toMatchObject({
          code: 'INVALID_GRAPH_QUERY',
        });
      }
    });

    it('subgraphOf: the accounts, the identifiers at least two of them share, and payments among them', async () => {
      const id = uniqueIds();
      await loadChain(ctx, id);
      const g = await ctx
        .store()
        .subgraphOf([id('a'), id('b'), id('c')], { limit: 100, hubCap: 50 });
      expect(accountIds(g)).toEqual([id('a'), id('b'), id('c')].sort());
      const identifierIds = g.nodes
        .filter((n) => n.type !== 'account')
        .map((n) => n.id)
        .sort();
      expect(identifierIds).toEqual(
        [`device:${id('bc-dev')}`, `email:${id('ab')}@example.com`].sort(),
      );
      expect(edgeKeys(g, 'uses')).toEqual(
        [
          `${id('a')}>email:${id('ab')}@example.com`,
          `${id('b')}>email:${id('ab')}@example.com`,
          `${id('b')}>device:${id('bc-dev')}`,
          `${id('c')}>device:${id('bc-dev')}`,
        ].sort(),
      );
      expect(edgeKeys(g, 'pays')).toEqual([`${id('b')}>${id('c')}`]);
      expect(g.capped).toBe(false);
    });

    it('subgraphOf honours its node limit', async () => {
      const id = uniqueIds();
      await loadChain(ctx, id);
      const g = await ctx
        .store()
        .subgraphOf([id('a'), id('b'), id('c'), id('d')], { limit: 2, hubCap: 50 });
      expect(g.nodes.length).toBeLessThanOrEqual(2);
      expect(g.capped).toBe(true);
    });
  });
}
