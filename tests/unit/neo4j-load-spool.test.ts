import fs from 'node:fs';
import { LoadSpool, type SpooledBatch } from '../../core/store/neo4j/load-spool';
import { sightingId } from '../../core/store/neo4j/batch-writer';
import type { AccountInput, PaymentInput, SightingInput } from '../../core/types';

const acc = (userId: string): AccountInput => ({
  userId,
  createdAt: 1,
  name: null,
  email: null,
  phone: null,
  address: null,
  country: null,
  label: null,
  identifiers: [],
});
const pay = (paymentId: string): PaymentInput => ({
  paymentId,
  payerId: 'a',
  payeeId: 'b',
  amount: 1.5,
  currency: 'EUR',
  createdAt: 2,
  cardId: null,
  deviceId: null,
  status: 'settled',
  identifiers: [],
});
const seen = (userId: string, ip: string | null): SightingInput => ({
  userId,
  deviceId: 'Dev-1',
  ip,
  seenAt: 3,
  identifiers: [
    { kind: 'device', value: 'dev-1', raw: 'Dev-1' },
    ...(ip ? [{ kind: 'ip' as const, value: ip, raw: ip }] : []),
  ],
});

async function replay(
  spool: LoadSpool,
  size: number,
): Promise<Array<[SpooledBatch['kind'], string[]]>> {
  const out: Array<[SpooledBatch['kind'], string[]]> = [];
  for await (const b of spool.batches(size)) {
    out.push([b.kind, b.rows.map((r) => ('paymentId' in r ? r.paymentId : r.userId))]);
  }
  return out;
}

describe('load spool', () => {
  it('replays rows in the order written, in batches of one kind and at most the batch size', async () => {
    const spool = new LoadSpool();
    try {
      spool.append('accounts', [acc('u1'), acc('u2'), acc('u3')]);
      spool.append('payments', [pay('p1')]);
      spool.append('accounts', []);
      spool.append('accounts', [acc('u4')]);
      spool.append('sightings', [seen('u1', null), seen('u2', '10.0.0.1')]);
      expect(spool.rows).toBe(7);
      expect(await replay(spool, 2)).toEqual([
        ['accounts', ['u1', 'u2']],
        ['accounts', ['u3']],
        ['payments', ['p1']],
        ['accounts', ['u4']],
        ['sightings', ['u1', 'u2']],
      ]);
      const [first] = await (async () => {
        const all: SpooledBatch[] = [];
        for await (const b of spool.batches(100)) all.push(b);
        return all;
      })();
      expect(first.rows[0]).toEqual(acc('u1'));
    } finally {
      spool.dispose();
    }
    expect(fs.existsSync(spool.file)).toBe(false);
  });

  it('keys a sighting by its whole normalised row', () => {
    expect(sightingId(seen('u1', '10.0.0.1'))).toBe(JSON.stringify(['u1', 'dev-1', 3, '10.0.0.1']));
    expect(sightingId(seen('u1', null))).toBe(JSON.stringify(['u1', 'dev-1', 3, '']));
    expect(sightingId(seen('u1', null))).not.toBe(sightingId(seen('u2', null)));
  });
});
