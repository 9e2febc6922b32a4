import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, RING_KINDS, type GenerateResult } from '../../core/generate';
import { normalizeIdentifier } from '../../core/identifiers/normalize';
import { readCsv } from '../helpers/generate-csv';

type Row = Record<string, string>;
interface Truth {
  rings: Array<{ id: string; kind: string; members: string[] }>;
}

describe('generateDataset at 20,000 users', () => {
  const root = mkdtempSync(join(tmpdir(), 'fr-gen-data-'));
  let result: GenerateResult;
  let users: Row[];
  let devices: Row[];
  let payments: Row[];
  let truth: Truth;
  let progressCalls = 0;
  let lastProgress = { people: 0, total: 0 };

  beforeAll(async () => {
    result = await generateDataset({
      outDir: root,
      users: 20_000,
      seed: 11,
      onProgress: (p) => {
        progressCalls++;
        lastProgress = p;
      },
    });
    const u = readCsv(join(root, 'users.csv'));
    const d = readCsv(join(root, 'devices.csv'));
    const p = readCsv(join(root, 'payments.csv'));
    expect(u.header).toEqual([
      'user_id',
      'created_at',
      'name',
      'email',
      'phone',
      'address',
      'country',
      'label',
    ]);
    expect(d.header).toEqual(['user_id', 'device_id', 'ip', 'seen_at']);
    expect(p.header).toEqual([
      'payment_id',
      'payer_id',
      'payee_id',
      'amount',
      'currency',
      'created_at',
      'card_id',
      'device_id',
      'status',
    ]);
    users = u.rows;
    devices = d.rows;
    payments = p.rows;
    truth = JSON.parse(readFileSync(join(root, 'truth.json'), 'utf8')) as Truth;
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes exactly the requested users and reports every row it wrote', () => {
    expect(users).toHaveLength(20_000);
    expect(new Set(users.map((r) => r.user_id)).size).toBe(20_000);
    expect(result.counts.users).toBe(20_000);
    expect(result.counts.sightings).toBe(devices.length);
    expect(result.counts.payments).toBe(payments.length);
    expect(payments.length).toBeGreaterThan(150_000);
    expect(devices.length).toBeGreaterThan(60_000);
    expect(new Set(payments.map((r) => r.payment_id)).size).toBe(payments.length);
    expect(lastProgress).toEqual({
      people: 20_000 - result.counts.merchantAccounts,
      total: 20_000 - result.counts.merchantAccounts,
    });
    expect(progressCalls).toBeGreaterThanOrEqual(3);
  });

  it('writes only values the data contract accepts, inside the time window', () => {
    const start = Date.parse(result.window.start);
    const end = Date.parse(result.window.end);
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
    const inWindow = (t: string): boolean =>
      iso.test(t) && Date.parse(t) >= start && Date.parse(t) <= end;
    const badUsers = users.filter(
      (r) =>
        !iso.test(r.created_at) ||
        Date.parse(r.created_at) >= end ||
        !['', 'fraud', 'legit'].includes(r.label),
    );
    const badDevices = devices.filter(
      (r) =>
        !inWindow(r.seen_at) ||
        normalizeIdentifier('ip', r.ip) === null ||
        r.device_id.length === 0,
    );
    const badPayments = payments.filter(
      (r) =>
        !inWindow(r.created_at) ||
        !/^\d+\.\d\d$/.test(r.amount) ||
        Number(r.amount) <= 0 ||
        !['settled', 'chargeback', 'refunded', 'failed'].includes(r.status) ||
        !/^[A-Z]{3}$/.test(r.currency) ||
        r.payer_id === r.payee_id,
    );
    expect(badUsers).toEqual([]);
    expect(badDevices).toEqual([]);
    expect(badPayments).toEqual([]);
    const statuses = new Set(payments.map((r) => r.status));
    expect(statuses).toEqual(new Set(['settled', 'chargeback', 'refunded', 'failed']));
  });

  it('plants every ring kind, with members that exist in users.csv', () => {
    expect(truth.rings).toHaveLength(result.truth.rings);
    expect(truth.rings).toHaveLength(10);
    expect(new Set(truth.rings.map((r) => r.kind))).toEqual(new Set(RING_KINDS));
    const ids = new Set(users.map((r) => r.user_id));
    const members = truth.rings.flatMap((r) => r.members);
    expect(new Set(members).size).toBe(members.length);
    expect(members).toHaveLength(result.truth.members);
    for (const m of members) expect(ids.has(m)).toBe(true);
    for (const r of truth.rings) expect(r.members.length).toBeGreaterThanOrEqual(3);
  });

  it('labels only a minority of ring members fraud, and mislabels a few accounts', () => {
    const label = new Map(users.map((r) => [r.user_id, r.label]));
    const members = new Set(truth.rings.flatMap((r) => r.members));
    const fraudInRings = [...members].filter((m) => label.get(m) === 'fraud').length;
    expect(fraudInRings).toBe(result.truth.labelledFraud);
    expect(fraudInRings / members.size).toBeGreaterThanOrEqual(0.1);
    expect(fraudInRings / members.size).toBeLessThanOrEqual(0.35);
    const fraudOutside = users.filter((r) => r.label === 'fraud' && !members.has(r.user_id)).length;
    const legitInside = [...members].filter((m) => label.get(m) === 'legit').length;
    expect(fraudOutside).toBeGreaterThanOrEqual(3);
    expect(legitInside).toBeGreaterThanOrEqual(1);
  });

  it('has hubs: IPs shared by hundreds of accounts and merchants paid by thousands', () => {
    const byIp = new Map<string, Set<string>>();
    for (const r of devices) {
      const ip = normalizeIdentifier('ip', r.ip)?.value as string;
      const set = byIp.get(ip) ?? new Set<string>();
      set.add(r.user_id);
      byIp.set(ip, set);
    }
    const sizes = [...byIp.values()].map((s) => s.size).sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThanOrEqual(500);
    expect(sizes.filter((s) => s >= 100).length).toBeGreaterThanOrEqual(10);

    const payers = new Map<string, Set<string>>();
    for (const r of payments) {
      const set = payers.get(r.payee_id) ?? new Set<string>();
      set.add(r.payer_id);
      payers.set(r.payee_id, set);
    }
    const ids = new Set(users.map((r) => r.user_id));
    const payees = [...payers.entries()].sort((a, b) => b[1].size - a[1].size);
    expect(payees[0][1].size).toBeGreaterThanOrEqual(1000);
    expect(payees.some(([id, set]) => !ids.has(id) && set.size >= 1000)).toBe(true);
    expect(payees.some(([id, set]) => ids.has(id) && set.size >= 100)).toBe(true);
  });

  it('has legitimate groups that share devices and pay one account, like rings do', () => {
    const members = new Set(truth.rings.flatMap((r) => r.members));
    const byDevice = new Map<string, Set<string>>();
    for (const r of devices) {
      if (members.has(r.user_id)) continue;
      const set = byDevice.get(r.device_id.toLowerCase()) ?? new Set<string>();
      set.add(r.user_id);
      byDevice.set(r.device_id.toLowerCase(), set);
    }
    const sharedByTen = [...byDevice.values()].filter((s) => s.size >= 10).length;
    expect(sharedByTen).toBeGreaterThanOrEqual(10);
    const ids = new Set(users.map((r) => r.user_id));
    const payersOf = new Map<string, Set<string>>();
    for (const r of payments) {
      if (!ids.has(r.payee_id) || members.has(r.payee_id) || r.payee_id.startsWith('m')) continue;
      const set = payersOf.get(r.payee_id) ?? new Set<string>();
      set.add(r.payer_id);
      payersOf.set(r.payee_id, set);
    }
    expect([...payersOf.values()].filter((s) => s.size >= 8).length).toBeGreaterThanOrEqual(10);
  });

  it('writes household addresses in variants that normalise to one value', () => {
    const byAddress = new Map<string, Set<string>>();
    for (const r of users) {
      const a = normalizeIdentifier('address', r.address);
      if (!a) continue;
      const set = byAddress.get(a.value) ?? new Set<string>();
      set.add(a.raw);
      byAddress.set(a.value, set);
    }
    const variantGroups = [...byAddress.values()].filter((s) => s.size >= 2).length;
    expect(variantGroups).toBeGreaterThan(1000);
  });

  it('links synthetic identities only through normalised email, phone or address', () => {
    const byId = new Map(users.map((r) => [r.user_id, r]));
    for (const ring of truth.rings.filter((r) => r.kind === 'synthetic_identity')) {
      const rows = ring.members.map((m) => byId.get(m) as Row);
      const raw = new Map<string, number>();
      const norm = new Map<string, number>();
      for (const r of rows) {
        for (const kind of ['email', 'phone', 'address'] as const) {
          const ref = normalizeIdentifier(kind, r[kind], { country: r.country });
          if (!ref) continue;
          norm.set(`${kind}:${ref.value}`, (norm.get(`${kind}:${ref.value}`) ?? 0) + 1);
          raw.set(`${kind}:${ref.raw}`, (raw.get(`${kind}:${ref.raw}`) ?? 0) + 1);
        }
      }
      const sharedNormalised = [...norm.values()].filter((n) => n >= 2).reduce((s, n) => s + n, 0);
      const sharedRaw = [...raw.values()].filter((n) => n >= 2).reduce((s, n) => s + n, 0);
      expect(sharedNormalised).toBeGreaterThanOrEqual(ring.members.length);
      expect(sharedNormalised).toBeGreaterThan(2 * sharedRaw);
    }
  });

  it('gives each ring kind its signature', () => {
    const DAY = 86_400_000;
    const end = Date.parse(result.window.end);
    const created = new Map(users.map((r) => [r.user_id, Date.parse(r.created_at)]));
    const ringOf = new Map<string, string>();
    for (const r of truth.rings) for (const m of r.members) ringOf.set(m, r.id);
    const devicesOf = new Map<string, Set<string>>();
    const seenAt = new Map<string, number[]>();
    for (const r of devices) {
      if (!ringOf.has(r.user_id)) continue;
      const set = devicesOf.get(r.user_id) ?? new Set<string>();
      set.add(r.device_id.toLowerCase());
      devicesOf.set(r.user_id, set);
      seenAt.set(r.user_id, [...(seenAt.get(r.user_id) ?? []), Date.parse(r.seen_at)]);
    }
    const internal = new Map<string, number>();
    const chargebacks = new Map<string, number>();
    const cardUsers = new Map<string, Set<string>>();
    for (const r of payments) {
      const ring = ringOf.get(r.payer_id);
      if (!ring) continue;
      if (ringOf.get(r.payee_id) === ring) internal.set(ring, (internal.get(ring) ?? 0) + 1);
      if (r.status === 'chargeback') chargebacks.set(ring, (chargebacks.get(ring) ?? 0) + 1);
      if (r.card_id)
        cardUsers.set(
          `${ring}:${r.card_id}`,
          (cardUsers.get(`${ring}:${r.card_id}`) ?? new Set()).add(r.payer_id),
        );
    }
    const sharesDevice = (members: string[], m: string): boolean =>
      [...(devicesOf.get(m) ?? [])].some((d) =>
        members.some((o) => o !== m && devicesOf.get(o)?.has(d)),
      );

    for (const ring of truth.rings) {
      const times = ring.members.map((m) => created.get(m) as number);
      const span = Math.max(...times) - Math.min(...times);
      if (ring.kind === 'device_farm') {
        expect(span).toBeLessThanOrEqual(3 * DAY);
        expect(
          ring.members.filter((m) => sharesDevice(ring.members, m)).length,
        ).toBeGreaterThanOrEqual(ring.members.length / 2);
      } else if (ring.kind === 'mule_network') {
        expect(internal.get(ring.id) ?? 0).toBeGreaterThanOrEqual(ring.members.length);
      } else if (ring.kind === 'bust_out') {
        expect(
          [...cardUsers.entries()].some(([k, set]) => k.startsWith(`${ring.id}:`) && set.size >= 2),
        ).toBe(true);
        expect(chargebacks.get(ring.id) ?? 0).toBeGreaterThanOrEqual(ring.members.length / 2);
      } else if (ring.kind === 'sleeper') {
        expect(Math.max(...times)).toBeLessThan(end - 2 * 365 * DAY + 180 * DAY);
        const seen = ring.members.flatMap((m) => seenAt.get(m) ?? []);
        expect(Math.max(...seen) - Math.min(...seen)).toBeLessThanOrEqual(5 * DAY);
        expect(
          ring.members.filter((m) => sharesDevice(ring.members, m)).length,
        ).toBeGreaterThanOrEqual(ring.members.length / 2);
      }
    }
  });
});
