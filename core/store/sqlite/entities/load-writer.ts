import type { Statement } from 'better-sqlite3';
import { InvalidInputError } from '../../../errors';
import { normalizeIdentifier } from '../../../identifiers/normalize';
import type { AccountInput, IdentifierRef, PaymentInput, SightingInput } from '../../../types';
import type { LoadWriter } from '../../port';
import type { Db } from '../database';
import { KIND_CODE, STATUS_CODE, labelCode } from './codes';
import type { KeyCache, LoadCaches } from './key-cache';
import { BULK_ROWS, BulkWriter, bulkSql } from './load-bulk-insert';
import { pauseIndexes, tableIsEmpty } from './load-index-pause';
import { DeferredRows } from './load-deferred-rows';
import { LinkBuffer } from './link-buffer';
import { PaymentLinkBuffer } from './payment-link-buffer';
import { LINK_UPSERT, LOAD_SQL as SQL, PAYMENT_INSERT, PAYMENT_LINK_ADD } from './load-statements';
import { prepared } from './prepare';
import { SeenIds } from './seen-ids';
import {
  AMOUNT,
  CARD,
  CREATED_AT,
  CURRENCY,
  DEVICE,
  INT_WIDTH,
  LINK_CARD,
  LINK_WIDTH,
  NUM_WIDTH,
  PAYEE,
  PAYER,
  PaymentPacker,
  STATUS,
  type InternedValues,
  type PackedPayments,
} from '../../../ingest/payment-batch';

const CHARGEBACK = STATUS_CODE.chargeback;

/** A stored payment row, in the column order of `storedPayment`. */
type StoredPayment = [number, number, number, string, number, number | null, number | null, number];

/** A packed batch with its rows' store keys resolved. */
interface PackedRows {
  n: number;
  ints: Int32Array;
  nums: Float64Array;
  /** The batch's payment ids, concatenated, and where each ends (`PackedPayments`). */
  ids: string;
  idEnds: Int32Array;
  /** payer and payee key of each row, interleaved. */
  accountKeys: Int32Array;
  /** 0 = none. */
  cardKeys: Int32Array;
  deviceKeys: Int32Array;
}

/**
 * The payment id of row `i`, cut from the batch's ids when needed: the ids of a whole batch
 * sliced up front would live as long as the batch and be promoted out of the young generation.
 */
function paymentIdOf(rows: PackedRows, i: number): string {
  return rows.ids.slice(i === 0 ? 0 : rows.idEnds[i - 1], rows.idEnds[i]);
}

/**
 * Store keys of the intern ids of one table of a stream of packed batches: 0 until resolved.
 * A batch whose table starts at base 0 restarts the ids (see `PackedPayments`).
 */
class InternedKeys {
  keys = new Int32Array(1024);
  private base = 0;
  private values: string[] = [];
  private raws: string[] = [];

  receive(t: InternedValues): this {
    if (t.base === 0) this.keys.fill(0);
    this.base = t.base;
    this.values = t.values;
    this.raws = t.raws;
    const need = t.base + t.values.length;
    if (need > this.keys.length) {
      const keys = new Int32Array(Math.max(need, this.keys.length * 2));
      keys.set(this.keys);
      this.keys = keys;
    }
    return this;
  }

  /** The value of `id`, first used in the current batch. */
  value(id: number): string {
    return this.values[id - this.base]!;
  }

  raw(id: number): string {
    return this.raws[id - this.base]!;
  }

  resolve(id: number, key: number): number {
    this.keys[id] = key;
    return key;
  }
}

/**
 * The writer handed to `load(fn)`: it runs inside the load's transaction and is closed when the
 * load ends. It resolves user ids and identifier values to integer keys through the connection's
 * key caches (`key-cache.ts`: a miss is an indexed lookup unless the cache is complete), creates
 * stub accounts for unknown references, and buffers account–identifier links and payment aggregates (`LinkBuffer`, `PaymentLinkBuffer`)
 * until `finish()`. New payments, new pair totals and links are written 64 rows per statement
 * (`load-bulk-insert.ts`); a first load of payments builds the `payment_links` payee index once
 * at the end instead of row by row, and links written into an empty `account_identifiers` get
 * its account index built after them likewise (`load-index-pause.ts`).
 *
 * Payments arrive packed (`upsertPackedPayments`, from ingest's parse thread; `upsertPayments`
 * packs its rows the same way): ids and identifier values are interned, so each distinct value
 * is resolved once per load and rows then cost array reads; a payer's card and device links
 * arrive already summed over runs of rows (`PackedPayments.links`). While payments are written
 * with complete caches, new stubs and identifiers get their keys at once and their rows later,
 * many per statement (`load-deferred-rows.ts`); the keys are the ones the inserts would have
 * got. A first load of payments (none stored when it began) inserts the rows whose ids it has
 * certainly not written yet without a statement journal (`writePackedRows`, `seen-ids.ts`).
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
  private readonly insertFreshPayments: Statement;
  /** See `firstPayments`; undefined until the load's first payments. */
  private seenPayments: SeenIds | null | undefined = undefined;
  private readonly paymentArgs = new Array<unknown>(PAYMENT_INSERT.width * BULK_ROWS);
  private readonly addPaymentLinks: BulkWriter;
  /** Store keys of the intern ids of the packed batches of this load (`writePacked`). */
  private readonly internedAccounts = new InternedKeys();
  private readonly internedCards = new InternedKeys();
  private readonly internedDevices = new InternedKeys();
  private readonly currencies: string[] = [];
  /** New stub accounts and new identifiers whose keys are handed out before they are written. */
  private readonly newStubs: DeferredRows;
  private readonly newIdentifiers: DeferredRows;
  /** True while payments are written: only then are new keys deferred (see `accountKey`). */
  private deferNewKeys = false;
  /** Set while the payee indexes of an empty `payment_links` are dropped for this load. */
  private restoreIndexes: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    caches: LoadCaches,
  ) {
    this.accountKeys = caches.accounts;
    this.identifierKeys = caches.identifiers;
    this.stmt = Object.fromEntries(
      Object.entries(SQL).map(([k, sql]) => [k, prepared(db, sql)]),
    ) as {
      [K in keyof typeof SQL]: Statement;
    };
    const upsertLinks = new BulkWriter(
      db,
      LINK_UPSERT.head,
      LINK_UPSERT.tuple,
      LINK_UPSERT.tail,
      LINK_UPSERT.width,
    );
    this.links = new LinkBuffer(
      (ik, ak, kind, first, last) => {
        upsertLinks.set(0, ik);
        upsertLinks.set(1, ak);
        upsertLinks.set(2, kind);
        upsertLinks.set(3, first);
        upsertLinks.set(4, last);
        upsertLinks.commit();
      },
      undefined,
      () => upsertLinks.drain(),
    );
    const { upsertPaymentLink, deleteEmptyPaymentLink } = this.stmt;
    const add = new BulkWriter(
      db,
      PAYMENT_LINK_ADD.head,
      PAYMENT_LINK_ADD.tuple,
      PAYMENT_LINK_ADD.tail,
      PAYMENT_LINK_ADD.width,
      true,
    );
    this.addPaymentLinks = add;
    let pauseWhenFilled = tableIsEmpty(db, 'payment_links');
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
    this.newStubs = new DeferredRows(db, 'accounts', ['user_id']);
    this.newIdentifiers = new DeferredRows(db, 'identifiers', ['kind', 'value', 'raw']);
    this.insertPayments = prepared(
      db,
      bulkSql(`INSERT ${PAYMENT_INSERT.head}`, PAYMENT_INSERT.tuple, '', BULK_ROWS),
    );
    this.insertFreshPayments = prepared(
      db,
      bulkSql(`INSERT OR IGNORE ${PAYMENT_INSERT.head}`, PAYMENT_INSERT.tuple, '', BULK_ROWS),
    );
  }

  async upsertAccounts(rows: AccountInput[]): Promise<void> {
    this.assertOpen();
    this.flushNewKeys();
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
    this.flushNewKeys();
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
    const packer = new PaymentPacker();
    for (const row of rows) packer.add(row);
    this.writePacked(packer.take(true));
  }

  /**
   * The same as `upsertPayments`, from a packed batch (`core/ingest/payment-batch.ts`): the rows'
   * account ids, cards and devices arrive as intern ids, each resolved to its store key once
   * (through the key caches) and then read from an array, so a row costs no string hashing here.
   */
  async upsertPackedPayments(batch: PackedPayments): Promise<void> {
    this.assertOpen();
    this.writePacked(batch);
  }

  private writePacked(batch: PackedPayments): void {
    this.deferNewKeys = true;
    try {
      this.writePackedRows(batch);
    } finally {
      this.deferNewKeys = false;
    }
  }

  private writePackedRows(batch: PackedPayments): void {
    const { n, ints, nums } = batch;
    const accounts = this.internedAccounts.receive(batch.accounts);
    const cards = this.internedCards.receive(batch.cards);
    const devices = this.internedDevices.receive(batch.devices);
    if (batch.currencies.base === 0) this.currencies.length = 0;
    for (const c of batch.currencies.values) this.currencies.push(c);
    const accountKeys = new Int32Array(2 * n);
    const cardKeys = new Int32Array(n);
    const deviceKeys = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * INT_WIDTH;
      accountKeys[2 * i] = this.internedAccountKey(accounts, ints[o + PAYER]!);
      accountKeys[2 * i + 1] = this.internedAccountKey(accounts, ints[o + PAYEE]!);
      const card = ints[o + CARD]!;
      if (card !== -1) cardKeys[i] = this.internedIdentifierKey(cards, KIND_CODE.card, card);
      const device = ints[o + DEVICE]!;
      if (device !== -1)
        deviceKeys[i] = this.internedIdentifierKey(devices, KIND_CODE.device, device);
    }
    const { links, linkTimes } = batch;
    for (let l = 0, t = 0; l < links.length; l += LINK_WIDTH, t += 2) {
      const card = links[l] === LINK_CARD;
      const id = links[l + 1]!;
      this.links.addSpan(
        card ? cards.keys[id]! : devices.keys[id]!,
        accounts.keys[links[l + 2]!]!,
        card ? KIND_CODE.card : KIND_CODE.device,
        linkTimes[t]!,
        linkTimes[t + 1]!,
      );
    }
    const rows: PackedRows = {
      n,
      ints,
      nums,
      ids: batch.ids,
      idEnds: batch.idEnds,
      accountKeys,
      cardKeys,
      deviceKeys,
    };
    const seen = this.firstPayments();
    if (seen === null) {
      let i = 0;
      for (; i + BULK_ROWS <= n; i += BULK_ROWS) {
        if (this.insertPaymentRows(this.insertPayments, rows, i, null))
          this.addPaymentRows(rows, i);
        else for (let j = i; j < i + BULK_ROWS; j++) this.writePayment(rows, j);
      }
      for (; i < n; i++) this.writePayment(rows, i);
      return;
    }
    // Into a store that held no payment when this load began, a row whose id this load has
    // certainly not written yet cannot conflict: those go 64 per statement, with OR IGNORE, which
    // needs no statement journal. Rows that may repeat an earlier id are written after them, one
    // at a time and in file order, so each updates the payment its id first wrote.
    const fresh = new Int32Array(n);
    const again: number[] = [];
    let nf = 0;
    for (let i = 0; i < n; i++) {
      if (seen.add(rows.ids, i === 0 ? 0 : rows.idEnds[i - 1]!, rows.idEnds[i]!)) again.push(i);
      else fresh[nf++] = i;
    }
    let k = 0;
    for (; k + BULK_ROWS <= nf; k += BULK_ROWS) {
      if (!this.insertPaymentRows(this.insertFreshPayments, rows, k, fresh))
        throw new Error(
          'fraud-rings: a bulk insert of new payments skipped a row (its id was stored, or it broke a constraint)',
        );
      this.addPaymentRows(rows, k, fresh);
    }
    for (; k < nf; k++) this.writePayment(rows, fresh[k]!);
    for (const i of again) this.writePayment(rows, i);
  }

  /** The store key of intern id `id` of a batch's accounts, resolved on its first use. */
  private internedAccountKey(accounts: InternedKeys, id: number): number {
    const key = accounts.keys[id]!;
    return key !== 0 ? key : accounts.resolve(id, this.accountKey(accounts.value(id), true));
  }

  /** The store key of intern id `id` of a batch's cards or devices (`code`), resolved on its first use. */
  private internedIdentifierKey(table: InternedKeys, code: number, id: number): number {
    const key = table.keys[id]!;
    if (key !== 0) return key;
    const cache = this.identifierKeys[code]!;
    return table.resolve(
      id,
      this.identifierKeyOf(cache, code, table.value(id), table.raw(id), true),
    );
  }

  /**
   * The store held no payment when this load began: the ids this load writes, else null (the
   * load writes into earlier payments, and a known id is found by the insert failing). Decided
   * at the load's first payments.
   */
  private firstPayments(): SeenIds | null {
    if (this.seenPayments === undefined)
      this.seenPayments = this.stmt.anyPayment.get() === undefined ? new SeenIds() : null;
    return this.seenPayments;
  }

  /** Adds the `BULK_ROWS` payments inserted from `from` (of `order`, else of the batch) to their pairs. */
  private addPaymentRows(rows: PackedRows, from: number, order: Int32Array | null = null): void {
    const { ints, nums, accountKeys } = rows;
    for (let r = from; r < from + BULK_ROWS; r++) {
      const j = order === null ? r : order[r]!;
      this.paymentLinks.add(
        accountKeys[2 * j]!,
        accountKeys[2 * j + 1]!,
        1,
        nums[j * NUM_WIDTH + AMOUNT]!,
        ints[j * INT_WIDTH + STATUS] === CHARGEBACK,
        nums[j * NUM_WIDTH + CREATED_AT]!,
      );
    }
  }

  /**
   * Inserts `BULK_ROWS` payments in one statement: rows `order[from..]`, or batch rows `from..`
   * when `order` is null. Returns whether every row was inserted. With `insertPayments` a known or
   * repeated id fails the statement, which SQLite undoes on its own (the transaction stays open);
   * the caller then writes those rows one at a time, with update semantics. With
   * `insertFreshPayments` (OR IGNORE) nothing fails and a skipped row only shows in the count.
   */
  private insertPaymentRows(
    statement: Statement,
    rows: PackedRows,
    from: number,
    order: Int32Array | null,
  ): boolean {
    const args = this.paymentArgs;
    const { ints, nums, accountKeys, cardKeys, deviceKeys } = rows;
    const currencies = this.currencies;
    for (let r = 0, o = 0; r < BULK_ROWS; r++, o += PAYMENT_INSERT.width) {
      const i = order === null ? from + r : order[from + r]!;
      args[o] = paymentIdOf(rows, i);
      args[o + 1] = accountKeys[2 * i];
      args[o + 2] = accountKeys[2 * i + 1];
      args[o + 3] = nums[i * NUM_WIDTH + AMOUNT];
      args[o + 4] = currencies[ints[i * INT_WIDTH + CURRENCY]!];
      args[o + 5] = nums[i * NUM_WIDTH + CREATED_AT];
      args[o + 6] = cardKeys[i] === 0 ? null : cardKeys[i];
      args[o + 7] = deviceKeys[i] === 0 ? null : deviceKeys[i];
      args[o + 8] = ints[i * INT_WIDTH + STATUS];
    }
    try {
      // Spread, not the array: better-sqlite3 reads an array argument element by element through
      // V8's generic property lookup, which costs a third of the statement's time.
      return statement.run(...args).changes === BULK_ROWS;
    } catch (err) {
      if (String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) return false;
      throw err;
    }
  }

  /** Writes row `i`: inserted when new, else updated in place (`updatePayment`). */
  private writePayment(rows: PackedRows, i: number): void {
    const payerKey = rows.accountKeys[2 * i]!;
    const payeeKey = rows.accountKeys[2 * i + 1]!;
    const cardKey = rows.cardKeys[i] === 0 ? null : rows.cardKeys[i]!;
    const deviceKey = rows.deviceKeys[i] === 0 ? null : rows.deviceKeys[i]!;
    const status = rows.ints[i * INT_WIDTH + STATUS]!;
    const currency = this.currencies[rows.ints[i * INT_WIDTH + CURRENCY]!]!;
    const amount = rows.nums[i * NUM_WIDTH + AMOUNT]!;
    const createdAt = rows.nums[i * NUM_WIDTH + CREATED_AT]!;
    const paymentId = paymentIdOf(rows, i);
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
    this.flushNewKeys();
    // The links of a first load of payments or sightings go into an empty table here, at once.
    const restoreLinkIndexes =
      this.links.size > 0 && tableIsEmpty(this.db, 'account_identifiers')
        ? pauseIndexes(this.db, 'account_identifiers')
        : null;
    this.links.flush();
    restoreLinkIndexes?.();
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

  /**
   * The key of `userId`, a new stub account when unknown. With a complete cache a miss is a new
   * account, whose row is deferred (`DeferredRows`); otherwise the table is asked, after the
   * deferred rows are written so that it holds them. `owned`: see `KeyCache.set`.
   */
  private accountKey(userId: string, owned = false): number {
    const cached = this.accountKeys.get(userId);
    if (cached !== undefined) return cached;
    let key: number | undefined;
    if (this.deferNewKeys && this.accountKeys.complete) {
      key = this.newStubs.add(userId);
    } else {
      this.newStubs.flush();
      key = this.stmt.accountKey.pluck().get(userId) as number | undefined;
      if (key === undefined) key = Number(this.stmt.insertStub.run(userId).lastInsertRowid);
    }
    this.accountKeys.set(userId, key, owned);
    return key;
  }

  /** Writes the deferred new stubs and identifiers (before other writes to their tables). */
  private flushNewKeys(): void {
    this.newStubs.flush();
    this.newIdentifiers.flush();
  }

  private identifierKey(ref: IdentifierRef): number {
    const code = KIND_CODE[ref.kind];
    return this.identifierKeyOf(this.identifierKeys[code]!, code, ref.value, ref.raw);
  }

  /** The key of an identifier, created when unknown (deferred like `accountKey`'s stubs; `owned` too). */
  private identifierKeyOf(
    cache: KeyCache,
    code: number,
    value: string,
    raw: string,
    owned = false,
  ): number {
    const cached = cache.get(value);
    if (cached !== undefined) return cached;
    let key: number | undefined;
    if (this.deferNewKeys && cache.complete) {
      key = this.newIdentifiers.add(code, value, raw);
    } else {
      this.newIdentifiers.flush();
      key = this.stmt.identifierKey.pluck().get(code, value) as number | undefined;
      if (key === undefined)
        key = Number(this.stmt.insertIdentifier.run(code, value, raw).lastInsertRowid);
    }
    cache.set(value, key, owned);
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
