import { join } from 'node:path';
import type { PaymentStatus } from '../types';
import { CsvWriter, csvField } from './csv-writer';

import { ACCOUNT_COLUMNS, SIGHTING_COLUMNS, PAYMENT_COLUMNS } from '../input-columns';

export type Label = 'fraud' | 'legit' | '';

export interface UserRow {
  id: string;
  createdAt: number;
  name: string;
  email: string;
  phone: string;
  address: string;
  country: string;
  label: Label;
}

export interface PaymentRow {
  payer: string;
  payee: string;
  amount: number;
  currency: string;
  at: number;
  card: string;
  device: string;
  status: PaymentStatus;
}

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let cachedDay = Number.NaN;
let cachedDate = '';

/**
 * ISO 8601 UTC with second precision (`2026-03-01T10:00:00Z`), as the data contract's examples
 * write times. The date part is cached per day: this runs for every row written.
 */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const secs = Math.floor((ms - day * DAY_MS) / 1000);
  return `${cachedDate}${PAD2[Math.floor(secs / 3600)]}:${PAD2[Math.floor(secs / 60) % 60]}:${PAD2[secs % 60]}Z`;
}

/** The three CSV files of a data set, row by row, in the data contract's columns. */
export class DatasetWriter {
  readonly users: CsvWriter;
  readonly devices: CsvWriter;
  readonly payments: CsvWriter;

  constructor(
    outDir: string,
    private readonly paymentId: () => string,
  ) {
    this.users = CsvWriter.open(join(outDir, 'users.csv'), ACCOUNT_COLUMNS);
    this.devices = CsvWriter.open(join(outDir, 'devices.csv'), SIGHTING_COLUMNS);
    this.payments = CsvWriter.open(join(outDir, 'payments.csv'), PAYMENT_COLUMNS);
  }

  user(u: UserRow): void {
    this.users.line(
      `${u.id},${isoSeconds(u.createdAt)},${csvField(u.name)},${csvField(u.email)},${csvField(u.phone)},${csvField(u.address)},${u.country},${u.label}`,
    );
  }

  sighting(userId: string, deviceId: string, ip: string, at: number): void {
    this.devices.line(`${userId},${deviceId},${ip},${isoSeconds(at)}`);
  }

  payment(p: PaymentRow): void {
    const amount = p.amount < 0.5 ? 0.5 : p.amount;
    this.payments.line(
      `${this.paymentId()},${p.payer},${p.payee},${amount.toFixed(2)},${p.currency},${isoSeconds(p.at)},${p.card},${p.device},${p.status}`,
    );
  }

  async flushIfFull(): Promise<void> {
    await this.users.flushIfFull();
    await this.devices.flushIfFull();
    await this.payments.flushIfFull();
  }

  async close(): Promise<void> {
    await Promise.all([this.users.close(), this.devices.close(), this.payments.close()]);
  }

  destroy(): void {
    this.users.destroy();
    this.devices.destroy();
    this.payments.destroy();
  }
}
