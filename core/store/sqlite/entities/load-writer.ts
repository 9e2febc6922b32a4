import type { Statement } from 'better-sqlite3';
import { InvalidInputError } from '../../../errors';
import { normalizeIdentifier } from '../../../identifiers/normalize';
import type { AccountInput, IdentifierRef, PaymentInput, SightingInput } from '../../../types';
import type { LoadWriter } from '../../port';
import type { Db } from '../database';
import { KIND_CODE, STATUS_CODE, labelCode } from './codes';
import type { KeyCache, LoadCaches } from './key-cache';
import { BULK_ROWS, BulkWriter, bulkSql } from './load-bulk-insert';
import { noPaymentLinks, pauseIndexes } from './load-index-pause';
import { LinkBuffer } from './link-buffer';
import { PaymentLinkBuffer } from './payment-link-buffer';
import { LOAD_SQL as SQL, PAYMENT_INSERT, PAYMENT_LINK_ADD } from './load-statements';
import { prepared } from './prepare';

const CHARGEBACK = STATUS_CODE.chargeback;

/** A stored payment row, in the column order of `storedPayment`. */
type StoredPayment = [number, number, number, string, number, number | null, number | null, number];

/**
 * The writer handed to `load(fn)`: it runs inside the load's transaction and is closed when the
 * load ends. It resolves user ids and identifier values to integer keys through the connection's
 * key caches (`key-cache.ts`: a miss is an indexed lookup unless the cache is complete), creates
 * stub accounts for unknown references, and buffers account–identifier links and payment aggregates (`LinkBuffer`, `PaymentLinkBuffer`)
 * until `finish()`. New payments and new pair totals are written 64 rows per statement
 * (`load-bulk-insert.ts`); a first load of payments builds the `payment_links` secondary
 * indexes once at the end instead of row by row (`load-index-pause.ts`).
 *
 * Semantics (the data contract's idempotent load):
 * - accounts: a known `user_id` is updated and stops being a stub; its profile identifiers
 *   (email, phone, address) are replaced by the row's, and an identifier no longer used by
 *   anyone is deleted;
 * - sightings: the whole (account, device, time, ip) is the key, so a repeated sighting adds nothing;
 * - payments: keyed by `payment_id`; a known id is updated in place (card/device links it created
 *   earlier stay) and `payment_links` moves its contribution from the old pair to the new one;
 * - card, ip and device links widen their first/last seen; profile links carry no times (NULL).
 */
export class SqliteLoadWriter implements LoadWriter {
  private readonly accountKeys: KeyCache;
  private readonly identifierKeys: KeyCache[];
  private readonly links: LinkBuffer;
  private readonly paymentLinks: PaymentLinkBuffer;
  private readonly stmt: { [K in keyof typeof SQL]: Statement };
  private readonly insertPayments: Statement;
  private readonly paymentArgs = new Array<unknown>(PAYMENT_INSERT.width * BULK_ROWS);
  private readonly addPaymentLinks: BulkWriter;
  /** Set while the payee indexes of an empty `payment_links` are dropped for this load. */
  private restoreIndexes: (() => void) | null = null;
  private closed = false;

  constructor(db: Db, caches: LoadCaches) {
    this.accountKeys = caches.accounts;
    this.identifierKeys = caches.identifiers;
    this.stmt = Object.fromEntries(
      Object.entries(SQL).map(([k, sql]) => [k, prepared(db, sql)]),
    ) as {
      [K in keyof typeof SQL]: Statement;
    };
    const upsertLink = this.stmt.upsertLink;
    this.links = new LinkBuffer((ik, ak, kind, first, last) => {
      upsertLink.run(ik, ak, kind, first, last);
    });
    const { upsertPaymentLink, deleteEmptyPaymentLink } = this.stmt;
    const add = new BulkWriter(
      db,
      PAYMENT_LINK_ADD.head,
      PAYMENT_LINK_ADD.tuple,
      PAYMENT_LINK_ADD.tail,
      PAYMENT_LINK_ADD.width,
    );
    this.addPaymentLinks = add;
    let pauseWhenFilled = noPaymentLinks(db);
    this.paymentLinks = new PaymentLinkBuffer(
      (payer, payee, count, micros, chargebacks, first, last) => {
        if (pauseWhenFilled) {
          pauseWhenFilled = false;
          this.restoreIndexes = pauseIndexes(db, 'payment_links');
        }
        if (count > 0 && first !== null) {
          add.set(0, payer);
          add.set(1, payee);
          add.set(2, count);
          add.set(3, micros);
          add.set(4, chargebacks);
          add.set(5, first);
          add.set(6, last);
          add.commit();
          return;
        }
        add.drain();
        upsertPaymentLink.run({ payer, payee, count, micros, chargebacks, first, last });
        if (count < 0) deleteEmptyPaymentLink.run(payer, payee);
      },
    );
    this.insertPayments = prepared(
      db,
      bulkSql(PAYMENT_INSERT.head, PAYMENT_INSERT.tuple, '', BULK_ROWS),
    );
  }

  async upsertAccounts(rows: AccountInput[]): Promise<void> {
    this.assertOpen();
    const batch = rows;
    const refs = batch.flatMap((r) => r.identifiers);
    const refKeys = this.identifierKeysOf(refs);
    let r = 0;
    for (const row of batch) {
      const keys = refKeys.subarray(r, (r += row.identifiers.length));
      const values = [
        row.createdAt,
        row.name,
        row.email,
        row.phone,
        row.address,
        row.country,
        labelCode(row.label),
      ] as const;
      if (this.accountKeys.complete && this.accountKeys.get(row.userId) === undefined) {
        const key = Number(this.stmt.insertAccount.run(row.userId, ...values).lastInsertRowid);
        this.accountKeys.set(row.userId, key);
        row.identifiers.forEach((ref, i) =>
          this.stmt.insertProfileLink.run(keys[i], key, KIND_CODE[ref.kind]),
        );
        continue;
      }
      const key = this.stmt.upsertAccount.pluck().get(row.userId, ...values) as number;
      this.accountKeys.set(row.userId, key);
      this.replaceProfile(key, row.identifiers, keys);
    }
  }

  async upsertSightings(rows: SightingInput[]): Promise<void> {
    this.assertOpen();
    const refs: IdentifierRef[] = [];
    const ipAt = new Int32Array(rows.length).fill(-1);
    rows.forEach((row, i) => {
      let device: IdentifierRef | null = null;
      let ip: IdentifierRef | null = null;
      for (const ref of row.identifiers) {
        if (ref.kind === 'device') device = ref;
        else if (ref.kind === 'ip') ip = ref;
      }
      device ??= normalizeIdentifier('device', row.deviceId);
      if (device === null) {
        throw new InvalidInputError(
          'SIGHTING_WITHOUT_DEVICE',
          `fraud-rings: sighting of ${row.userId} has no device id`,
        );
      }
      refs.push(device);
      if (ip !== null) {
        ipAt[i] = refs.length;
        refs.push(ip);
      }
    });
    const accountKeys = this.accountKeysOf(rows.map((row) => row.userId));
    const refKeys = this.identifierKeysOf(refs);
    let r = 0;
    rows.forEach((row, i) => {
      const accountKey = accountKeys[i]!;
      const deviceKey = refKeys[r++]!;
      const ipKey = ipAt[i] === -1 ? 0 : refKeys[r++]!;
      this.stmt.insertSighting.run(accountKey, deviceKey, row.seenAt, ipKey);
      this.links.add(deviceKey, accountKey, KIND_CODE.device, row.seenAt);
      if (ipKey !== 0) this.links.add(ipKey, accountKey, KIND_CODE.ip, row.seenAt);
    });
  }

  async upsertPayments(rows: PaymentInput[]): Promise<void> {
    this.assertOpen();
    const n = rows.length;
    const accountKeys = new Int32Array(2 * n);
    const cardKeys = new Int32Array(n);
    const deviceKeys = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const payerKey = this.accountKey(row.payerId);
      accountKeys[2 * i] = payerKey;
      accountKeys[2 * i + 1] = this.accountKey(row.payeeId);
      for (const ref of row.identifiers) {
        const code = KIND_CODE[ref.kind];
        const key = this.identifierKey(ref);
        if (code === KIND_CODE.card) cardKeys[i] = key;
        else if (code === KIND_CODE.device) deviceKeys[i] = key;
        this.links.add(key, payerKey, code, row.createdAt);
      }
    }
    let i = 0;
    for (; i + BULK_ROWS <= n; i += BULK_ROWS) {
      if (this.insertNewPayments(rows, i, accountKeys, cardKeys, deviceKeys)) {
        for (let j = i; j < i + BULK_ROWS; j++) {
          const row = rows[j]!;
          const status = STATUS_CODE[row.status];
          this.paymentLinks.add(
            accountKeys[2 * j]!,
            accountKeys[2 * j + 1]!,
            1,
            row.amount,
            status === CHARGEBACK,
            row.createdAt,
          );
        }
      } else {
        for (let j = i; j < i + BULK_ROWS; j++)
          this.writePayment(
            rows[j]!,
            accountKeys[2 * j]!,
            accountKeys[2 * j + 1]!,
            cardKeys[j]!,
            deviceKeys[j]!,
          );
      }
    }
    for (; i < n; i++)
      this.writePayment(
        rows[i]!,
        accountKeys[2 * i]!,
        accountKeys[2 * i + 1]!,
        cardKeys[i]!,
        deviceKeys[i]!,
      );
  }

  /**
   * Inserts `BULK_ROWS` payments from `rows[from]` in one statement when none of their ids is
   * stored yet (the common case of a new file). A known or repeated id fails the statement,
   * which SQLite undoes on its own (the transaction stays open); the caller then writes those
   * rows one at a time, with update semantics. Returns whether the rows were inserted.
   */
  private insertNewPayments(
    rows: PaymentInput[],
    from: number,
    accountKeys: Int32Array,
    cardKeys: Int32Array,
    deviceKeys: Int32Array,
  ): boolean {
    const args = this.paymentArgs;
    for (let j = 0, o = 0; j < BULK_ROWS; j++, o += PAYMENT_INSERT.width) {
      const i = from + j;
      const row = rows[i]!;
      args[o] = row.paymentId;
      args[o + 1] = accountKeys[2 * i];
      args[o + 2] = accountKeys[2 * i + 1];
      args[o + 3] = row.amount;
      args[o + 4] = row.currency;
      args[o + 5] = row.createdAt;
      args[o + 6] = cardKeys[i] === 0 ? null : cardKeys[i];
      args[o + 7] = deviceKeys[i] === 0 ? null : deviceKeys[i];
      args[o + 8] = STATUS_CODE[row.status];
    }
    try {
      this.insertPayments.run(args);
      return true;
    } catch (err) {
      if (String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) return false;
      throw err;
    }
  }

  /** Writes one payment: inserted when new, else updated in place (`updatePayment`). */
  private writePayment(
    row: PaymentInput,
    payerKey: number,
    payeeKey: number,
    card: number,
    device: number,
  ): void {
    const cardKey = card === 0 ? null : card;
    const deviceKey = device === 0 ? null : device;
    const status = STATUS_CODE[row.status];
    const { paymentId, amount, currency, createdAt } = row;
    const inserted = this.stmt.insertPayment.run(
      paymentId,
      payerKey,
      payeeKey,
      amount,
      currency,
      createdAt,
      cardKey,
      deviceKey,
      status,
    );
    if (inserted.changes === 1) {
      this.paymentLinks.add(payerKey, payeeKey, 1, amount, status === CHARGEBACK, createdAt);
    } else {
      this.updatePayment(
        [payerKey, payeeKey, amount, currency, createdAt, cardKey, deviceKey, status],
        paymentId,
      );
    }
  }

  /** Writes what is still buffered; called once by `load` before it commits. */
  finish(): void {
    this.assertOpen();
    this.links.flush();
    this.paymentLinks.flush();
    this.addPaymentLinks.drain();
    this.restoreIndexes?.();
    this.restoreIndexes = null;
  }

  /** Makes any later call fail: a writer must not outlive its transaction. */
  close(): void {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed)
      throw new Error('fraud-rings: this load has ended; its writer can no longer be used');
  }

  /** Rewrites a known payment when it changed, moving its contribution between payment links. */
  private updatePayment(values: StoredPayment, paymentId: string): void {
    const old = this.stmt.storedPayment.raw().get(paymentId) as StoredPayment;
    if (values.every((v, i) => v === old[i])) return;
    this.stmt.updatePayment.run(...values, paymentId);
    this.paymentLinks.add(old[0], old[1], -1, old[2], old[7] === CHARGEBACK, old[4]);
    this.paymentLinks.add(values[0], values[1], 1, values[2], values[7] === CHARGEBACK, values[4]);
  }

  /** Keys of `userIds`, resolved for a whole batch before its rows are written (stubs created for unknown ids). */
  private accountKeysOf(userIds: string[]): Int32Array {
    const keys = new Int32Array(userIds.length);
    userIds.forEach((id, i) => (keys[i] = this.accountKey(id)));
    return keys;
  }

  /** Keys of `refs`, resolved for a whole batch (identifiers created when unknown). */
  private identifierKeysOf(refs: IdentifierRef[]): Int32Array {
    const keys = new Int32Array(refs.length);
    refs.forEach((ref, i) => (keys[i] = this.identifierKey(ref)));
    return keys;
  }

  private accountKey(userId: string): number {
    const cached = this.accountKeys.get(userId);
    if (cached !== undefined) return cached;
    let key = this.accountKeys.complete
      ? undefined
      : (this.stmt.accountKey.pluck().get(userId) as number | undefined);
    if (key === undefined) key = Number(this.stmt.insertStub.run(userId).lastInsertRowid);
    this.accountKeys.set(userId, key);
    return key;
  }

  private identifierKey(ref: IdentifierRef): number {
    const code = KIND_CODE[ref.kind];
    const cache = this.identifierKeys[code]!;
    const cached = cache.get(ref.value);
    if (cached !== undefined) return cached;
    let key = cache.complete
      ? undefined
      : (this.stmt.identifierKey.pluck().get(code, ref.value) as number | undefined);
    if (key === undefined)
      key = Number(this.stmt.insertIdentifier.run(code, ref.value, ref.raw).lastInsertRowid);
    cache.set(ref.value, key);
    return key;
  }

  private replaceProfile(accountKey: number, refs: IdentifierRef[], keys: Int32Array): void {
    const wanted = new Map<number, number>();
    refs.forEach((ref, i) => wanted.set(keys[i]!, KIND_CODE[ref.kind]));
    const current = this.stmt.profileLinks.pluck().all(accountKey) as number[];
    for (const identifierKey of current) {
      if (wanted.delete(identifierKey)) continue;
      this.stmt.deleteLink.run(identifierKey, accountKey);
      this.dropIfOrphan(identifierKey);
    }
    for (const [identifierKey, kind] of wanted)
      this.stmt.insertProfileLink.run(identifierKey, accountKey, kind);
  }

  /** Deletes a profile identifier (email, phone, address) no account uses any more; only links refer to those. */
  private dropIfOrphan(identifierKey: number): void {
    if (this.stmt.identifierInUse.get(identifierKey) !== undefined) return;
    const gone = this.stmt.deleteIdentifier.get(identifierKey) as
      { kind: number; value: string } | undefined;
    if (gone) this.identifierKeys[gone.kind]?.delete(gone.value);
  }
}
