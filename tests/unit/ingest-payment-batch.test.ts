import { PaymentPacker, type PackedPayments } from '../../core/ingest/payment-batch';
import type { PaymentInput } from '../../core/types';

function payment(
  id: string,
  payer: string,
  payee: string,
  card: string | null,
  device: string | null,
  status: PaymentInput['status'] = 'settled',
): PaymentInput {
  const identifiers: PaymentInput['identifiers'] = [];
  if (card !== null) identifiers.push({ kind: 'card', value: card.toLowerCase(), raw: card });
  if (device !== null)
    identifiers.push({ kind: 'device', value: device.toLowerCase(), raw: device });
  return {
    paymentId: id,
    payerId: payer,
    payeeId: payee,
    amount: 1.5,
    currency: 'EUR',
    createdAt: 1000,
    cardId: card,
    deviceId: device,
    status,
    identifiers,
  };
}

/** Row i's fields as [payment id, payer, payee, card, device, currency, status] ids/values. */
function rows(b: PackedPayments): Array<[string, number, number, number, number, number, number]> {
  const out: Array<[string, number, number, number, number, number, number]> = [];
  for (let i = 0, start = 0; i < b.n; i++) {
    const o = i * 6;
    out.push([
      b.ids.slice(start, b.idEnds[i]),
      b.ints[o]!,
      b.ints[o + 1]!,
      b.ints[o + 2]!,
      b.ints[o + 3]!,
      b.ints[o + 4]!,
      b.ints[o + 5]!,
    ]);
    start = b.idEnds[i]!;
  }
  return out;
}

describe('PaymentPacker', () => {
  it('interns accounts, cards, devices and currencies, each value sent once', () => {
    const p = new PaymentPacker();
    p.add(payment('p1', 'u1', 'u2', 'CARD-1', 'd1'));
    p.add(payment('p22', 'u2', 'u1', 'card-2', null, 'chargeback'));
    p.add(payment('p333', 'u1', 'u3', 'card-1', 'd1'));
    const b = p.take();
    expect(b.n).toBe(3);
    expect(rows(b)).toEqual([
      ['p1', 0, 1, 0, 0, 0, 0],
      ['p22', 1, 0, 1, -1, 0, 1],
      ['p333', 0, 2, 0, 0, 0, 0],
    ]);
    expect(b.accounts).toEqual({ base: 0, values: ['u1', 'u2', 'u3'], raws: [] });
    // A card's raw is its first spelling; its value the normalised text.
    expect(b.cards).toEqual({ base: 0, values: ['card-1', 'card-2'], raws: ['CARD-1', 'card-2'] });
    expect(b.devices).toEqual({ base: 0, values: ['d1'], raws: ['d1'] });
    expect(b.currencies.values).toEqual(['EUR']);
    expect(Array.from(b.nums)).toEqual([1.5, 1000, 1.5, 1000, 1.5, 1000]);

    p.add(payment('p4', 'u3', 'u4', 'card-2', 'd2'));
    const next = p.take();
    expect(rows(next)).toEqual([['p4', 2, 3, 1, 1, 0, 0]]);
    expect(next.accounts).toEqual({ base: 3, values: ['u4'], raws: [] });
    expect(next.cards).toEqual({ base: 2, values: [], raws: [] });
    expect(next.devices).toEqual({ base: 1, values: ['d2'], raws: ['d2'] });
    expect(next.currencies).toEqual({ base: 1, values: [], raws: [] });
  });

  it('gives a payer who changes card the right card each time', () => {
    const p = new PaymentPacker();
    for (const [id, card] of [
      ['a', 'c1'],
      ['b', 'c2'],
      ['c', 'c1'],
      ['d', 'c1'],
      ['e', 'c3'],
    ] as const)
      p.add(payment(id, 'u1', 'u2', card, null));
    p.add(payment('f', 'u2', 'u1', 'c2', null));
    expect(rows(p.take()).map((r) => r[3])).toEqual([0, 1, 0, 0, 2, 1]);
  });

  it('restarts a full intern table at the next batch (base 0), and the values are sent again', () => {
    const p = new PaymentPacker(2);
    p.add(payment('p1', 'u1', 'u2', 'c1', null));
    p.add(payment('p2', 'u3', 'u1', 'c1', null));
    const first = p.take();
    expect(first.accounts.values).toEqual(['u1', 'u2', 'u3']);
    p.add(payment('p3', 'u1', 'u3', 'c1', null));
    const second = p.take();
    expect(second.accounts).toEqual({ base: 0, values: ['u1', 'u3'], raws: [] });
    // The card table held one value, below its capacity: it goes on.
    expect(second.cards).toEqual({ base: 1, values: [], raws: [] });
    expect(rows(second)).toEqual([['p3', 0, 1, 0, -1, 0, 0]]);
  });

  it('hands out fresh, transferable arrays per batch', () => {
    const p = new PaymentPacker();
    for (let i = 0; i < 3000; i++) p.add(payment(`p${i}`, `u${i % 7}`, `u${i % 11}`, null, null));
    const b = p.take();
    expect(b.n).toBe(3000);
    expect(b.ints.length).toBe(3000 * 6);
    expect(b.ids.slice(b.idEnds[2998], b.idEnds[2999])).toBe('p2999');
    expect(p.take().n).toBe(0);
    expect(b.ints[6 * 2999]).toBe(2999 % 7);
  });

  it('decodes to the rows and the card and device links it was given over many batches, with small tables that keep restarting', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (const capacity of [1, 2, 3, 5, 50]) {
      const p = new PaymentPacker(capacity);
      const tables = ['accounts', 'cards', 'devices', 'currencies'] as const;
      const seen = { accounts: [], cards: [], devices: [], currencies: [] } as Record<
        (typeof tables)[number],
        Array<[string, string | undefined]>
      >;
      /** `${kind}|${card or device}|${payer}` → [first, last], from the input and from the batches. */
      const expected = new Map<string, [number, number]>();
      const sent = new Map<string, [number, number]>();
      const widen = (m: Map<string, [number, number]>, k: string, first: number, last: number) => {
        const span = m.get(k);
        m.set(k, span ? [Math.min(span[0], first), Math.max(span[1], last)] : [first, last]);
      };
      const receive = (batch: PackedPayments) => {
        for (const t of tables) {
          const got = batch[t];
          if (got.base === 0) seen[t] = [];
          expect(got.base).toBe(seen[t].length);
          got.values.forEach((v, k) => seen[t].push([v, got.raws[k]]));
        }
        for (let l = 0; l < batch.links.length; l += 3) {
          const table = batch.links[l] === 0 ? seen.cards : seen.devices;
          const key = `${batch.links[l]}|${table[batch.links[l + 1]!]![0]}|${seen.accounts[batch.links[l + 2]!]![0]}`;
          widen(sent, key, batch.linkTimes[(2 * l) / 3]!, batch.linkTimes[(2 * l) / 3 + 1]!);
        }
      };
      for (let b = 0; b < 40; b++) {
        const input: PaymentInput[] = [];
        for (let i = 0, n = 1 + next(6); i < n; i++) {
          const payer = `u${next(6)}`;
          // Mostly the payer's own card and device, sometimes another one.
          const card = next(4) === 0 ? `C${next(5)}` : `C${payer}`;
          const device = next(3) === 0 ? null : next(4) === 0 ? `d${next(5)}` : `d${payer}`;
          const row = payment(`p${b}.${i}`, payer, `u${next(8)}`, card, device);
          row.createdAt = 1000 + next(500);
          input.push(row);
          widen(expected, `0|${card.toLowerCase()}|${payer}`, row.createdAt, row.createdAt);
          if (device !== null)
            widen(expected, `1|${device.toLowerCase()}|${payer}`, row.createdAt, row.createdAt);
        }
        for (const row of input) p.add(row);
        const batch = p.take();
        receive(batch);
        const decoded = rows(batch).map(([id, payer, payee, card, device, currency]) => [
          id,
          seen.accounts[payer]![0],
          seen.accounts[payee]![0],
          card === -1 ? null : seen.cards[card]!,
          device === -1 ? null : seen.devices[device]!,
          seen.currencies[currency]![0],
        ]);
        expect(decoded).toEqual(
          input.map((r) => [
            r.paymentId,
            r.payerId,
            r.payeeId,
            [r.cardId!.toLowerCase(), expect.any(String)],
            r.deviceId === null ? null : [r.deviceId.toLowerCase(), expect.any(String)],
            'EUR',
          ]),
        );
      }
      const last = p.take(true);
      expect(last.n).toBe(0);
      receive(last);
      expect(new Map([...sent].sort())).toEqual(new Map([...expected].sort()));
    }
  });
});
