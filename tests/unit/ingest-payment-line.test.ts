import { PaymentPacker, type PackedPayments } from '../../core/ingest/payment-batch';
import { PaymentLine, scanPaymentLine } from '../../core/ingest/payment-line';
import { validatePayment } from '../../core/ingest/validate-payment';

const OK = 'p1,u1,u2,12.50,EUR,2026-03-01T10:00:00Z,card-1,DEV-1,settled';

/** Line `OK` with field `i` replaced. */
function withField(i: number, value: string): string {
  const f = OK.split(',');
  f[i] = value;
  return f.join(',');
}

/** Everything a batch carries, as plain values. */
function contents(b: PackedPayments): unknown {
  return {
    n: b.n,
    ints: Array.from(b.ints),
    nums: Array.from(b.nums),
    ids: b.ids,
    idEnds: Array.from(b.idEnds),
    accounts: b.accounts,
    cards: b.cards,
    devices: b.devices,
    currencies: b.currencies,
    links: Array.from(b.links),
    linkTimes: Array.from(b.linkTimes),
  };
}

/**
 * Packs `lines` twice: through `addLine` (falling back to validate-and-add when it declines, as
 * the parse thread does) and through validate-and-add alone. Returns both batch streams, the
 * lines `addLine` took, and the lines validation rejected.
 */
function packBothWays(lines: string[], capacity: number, every: number) {
  const fast = new PaymentPacker(capacity);
  const slow = new PaymentPacker(capacity);
  const fastBatches: unknown[] = [];
  const slowBatches: unknown[] = [];
  const took: string[] = [];
  const rejected: string[] = [];
  lines.forEach((line, i) => {
    const row = validatePayment(line.split(','));
    // A line with padding around it: addLine must read only its range.
    const buf = `x\n${line}\ny,z`;
    if (fast.addLine(buf, 2, 2 + line.length)) {
      took.push(line);
      expect(typeof row).toBe('object');
    } else if (typeof row === 'object') fast.add(row);
    if (typeof row === 'object') slow.add(row);
    else rejected.push(line);
    if ((i + 1) % every === 0) {
      fastBatches.push(contents(fast.take()));
      slowBatches.push(contents(slow.take()));
    }
  });
  fastBatches.push(contents(fast.take(true)));
  slowBatches.push(contents(slow.take(true)));
  return { fastBatches, slowBatches, took, rejected };
}

describe('scanPaymentLine and PaymentPacker.addLine', () => {
  it('reads a plain line in place', () => {
    const l = new PaymentLine();
    expect(scanPaymentLine(OK, 0, OK.length, l)).toBe(true);
    expect(OK.slice(l.idStart, l.idEnd)).toBe('p1');
    expect(OK.slice(l.payerStart, l.payerEnd)).toBe('u1');
    expect(OK.slice(l.payeeStart, l.payeeEnd)).toBe('u2');
    expect(l.amount).toBe(12.5);
    expect(String.fromCharCode(l.currency0, l.currency1, l.currency2)).toBe('EUR');
    expect(l.createdAt).toBe(Date.UTC(2026, 2, 1, 10));
    expect(OK.slice(l.cardStart, l.cardEnd)).toBe('card-1');
    expect(OK.slice(l.deviceStart, l.deviceEnd)).toBe('DEV-1');
    expect(l.status).toBe(0);
  });

  // Lines the fast lane takes: each must pack exactly as its validated row.
  const taken = [
    OK,
    withField(3, '0.01'),
    withField(3, '007'),
    withField(3, '123456789012.345'),
    withField(3, '0.1'),
    withField(3, '5.00000000000001'),
    withField(4, 'usd'),
    withField(4, 'Gbp'),
    withField(5, '2024-02-29'),
    withField(5, '2026-03-01 10:00:00.5+05:30'),
    withField(5, '2026-03-01T10:00-0800'),
    withField(6, ''),
    withField(7, ''),
    withField(6, 'CARD 1'),
    withField(7, 'Dev-X'),
    withField(8, ''),
    withField(8, 'ChargeBack'),
    withField(8, 'REFUNDED'),
    withField(8, 'failed'),
    withField(0, 'p'.repeat(128)),
    withField(0, '=HYPERLINK(x)'),
  ];
  // Lines it leaves to the general path: rejects, and valid rows it does not read in place.
  const declined = [
    withField(0, ''),
    withField(0, 'p'.repeat(129)),
    withField(0, ' p1'),
    withField(1, 'u1 '),
    withField(2, '\tu2'),
    withField(1, '\u00a0u1'),
    withField(1, 'ü-user'),
    withField(3, '-5'),
    withField(3, '+5'),
    withField(3, '0'),
    withField(3, '0.00'),
    withField(3, '.5'),
    withField(3, '5.'),
    withField(3, '1.2.3'),
    withField(3, '1e3'),
    withField(3, '1234567890123456'),
    withField(3, ''),
    withField(4, 'EU'),
    withField(4, 'EURO'),
    withField(4, 'E1R'),
    withField(4, ' EUR'),
    withField(5, '2026-02-30'),
    withField(5, '2026-03-01T25:00:00Z'),
    withField(5, ' 2026-03-01'),
    withField(5, ''),
    withField(6, ' card-1'),
    withField(6, 'CARDÄ'),
    withField(7, 'DEV-1 '),
    withField(7, 'İ'),
    withField(8, 'pending'),
    withField(8, ' settled'),
    withField(8, 'SETTLEDÄ'),
    `${OK},extra`,
    `${OK},`,
    OK.split(',').slice(0, 8).join(','),
    'p1',
    '',
  ];

  it('takes the common shapes and packs them as their validated rows', () => {
    const { fastBatches, slowBatches, took } = packBothWays(taken, 1000, 5);
    expect(took).toEqual(taken);
    expect(fastBatches).toEqual(slowBatches);
  });

  it('declines anything else, which the general path then accepts or rejects', () => {
    const { fastBatches, slowBatches, took, rejected } = packBothWays(declined, 1000, 7);
    expect(took).toEqual([]);
    expect(fastBatches).toEqual(slowBatches);
    // Both kinds are here: rows the general path accepts, and rejects.
    expect(rejected.length).toBeGreaterThan(10);
    expect(rejected.length).toBeLessThan(declined.length - 5);
  });

  it('packs generated lines exactly as validation does, with intern tables that keep restarting', () => {
    let seed = 3;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)]!;
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const payer = next(40);
      const f = [
        next(50) === 0 ? ` p${i}` : `p${next(3000)}`,
        `u${payer}`,
        next(30) === 0 ? `U${next(9)} ` : `u${next(60)}`,
        pick(['1', '12.5', '0.30', '99999.99', '-4', '0', '1.', '3.14159', '000.5']),
        pick(['EUR', 'eur', 'Usd', 'EURO', 'E']),
        pick(['2026-01-02T03:04:05Z', '2026-01-02', '2026-13-01', '2026-01-02T03:04:05.123+01:00']),
        pick([`card-${payer}`, `CARD-${payer}`, `card-${next(5)}`, '', ' c ', 'CÅRD']),
        pick([`DEV-${payer}`, `dev-${payer}`, '', `dev-${next(4)}`]),
        pick(['settled', 'SETTLED', '', 'chargeback', 'Refunded', 'lost']),
      ];
      if (next(100) === 0) f.push('x');
      lines.push(f.join(','));
    }
    for (const capacity of [3, 17, 100_000]) {
      const { fastBatches, slowBatches, took, rejected } = packBothWays(lines, capacity, 97);
      expect(fastBatches).toEqual(slowBatches);
      expect(took.length).toBeGreaterThan(500);
      expect(rejected.length).toBeGreaterThan(500);
    }
  });
});
