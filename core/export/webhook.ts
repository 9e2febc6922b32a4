import { createHmac, timingSafeEqual } from 'node:crypto';
import { FraudRingsError } from '../errors';

export const SIGNATURE_HEADER = 'X-Fraud-Rings-Signature';
export const TIMESTAMP_HEADER = 'X-Fraud-Rings-Timestamp';
export const DELIVERY_HEADER = 'X-Fraud-Rings-Delivery';
export const EVENT_HEADER = 'X-Fraud-Rings-Event';

/** How old (or how far in the future) a signed timestamp a receiver should accept, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface WebhookRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per-attempt limit on the whole request. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: WebhookRetryPolicy = {
  attempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  timeoutMs: 10_000,
};

/**
 * The signature of one delivery: `sha256=` and the lower-case hex HMAC-SHA256, keyed with the
 * shared secret, of `<timestamp>.<raw body>` (timestamp in Unix seconds, as sent in
 * `X-Fraud-Rings-Timestamp`). Signing the timestamp with the body lets a receiver refuse replays:
 * a captured request stops verifying once its timestamp is older than the receiver's tolerance.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * What a receiver does (and what the tests do): recompute the signature over the raw body bytes as
 * received and the timestamp header, compare in constant time, and check that the timestamp is
 * within `toleranceSeconds` of now. False on any mismatch or malformed header.
 */
export function verifyWebhook(input: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs?: number;
  toleranceSeconds?: number;
}): boolean {
  const { secret, body, timestamp, signature } = input;
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp))
    return false;
  const ts = Number(timestamp);
  const now = Math.floor((input.nowMs ?? Date.now()) / 1000);
  if (Math.abs(now - ts) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookDelivery {
  url: string;
  secret: string;
  body: string;
  /** Stable id of what is delivered (the same on every retry), so a receiver can drop duplicates. */
  deliveryId: string;
  event: string;
}

/**
 * POSTs a JSON body, signed (see `signWebhook`; each attempt is signed afresh with its own
 * timestamp), and retries with exponential backoff and jitter on network errors, timeouts and 5xx
 * replies. A 4xx (or a redirect, which is not followed) means the receiver refused this delivery:
 * it is not retried and throws `WEBHOOK_REJECTED`. When every attempt failed, throws
 * `WEBHOOK_FAILED` (retriable, for the job runner). Resolves with the final status and attempts.
 */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  policy: Partial<WebhookRetryPolicy> = {},
): Promise<{ status: number; attempts: number }> {
  const p = { ...DEFAULT_RETRY, ...policy };
  let lastProblem = '';
  for (let attempt = 1; attempt <= p.attempts; attempt++) {
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(p.timeoutMs),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'fraud-rings-webhook',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, delivery.body),
          [DELIVERY_HEADER]: delivery.deliveryId,
          [EVENT_HEADER]: delivery.event,
        },
        body: delivery.body,
      });
      status = res.status;
      await res.body?.cancel();
    } catch (err) {
      lastProblem =
        (err as Error).name === 'TimeoutError'
          ? 'timed out'
          : `network error (${(err as Error).message})`;
    }
    if (status !== null && status >= 200 && status < 300) return { status, attempts: attempt };
    if (status !== null && status < 500) {
      throw new FraudRingsError(
        'WEBHOOK_REJECTED',
        `fraud-rings: webhook receiver refused delivery ${delivery.deliveryId} with HTTP ${status}`,
        {
          details: { status, attempts: attempt },
        },
      );
    }
    if (status !== null) lastProblem = `HTTP ${status}`;
    if (attempt < p.attempts) await sleep(backoffMs(attempt, p));
  }
  throw new FraudRingsError(
    'WEBHOOK_FAILED',
    `fraud-rings: webhook delivery ${delivery.deliveryId} failed after ${p.attempts} attempts (${lastProblem})`,
    {
      retriable: true,
      details: { attempts: p.attempts },
    },
  );
}

/** Delay before attempt `attempt + 1`: base·2^(attempt−1), capped, with "equal jitter" (half fixed, half random). */
export function backoffMs(
  attempt: number,
  p: Pick<WebhookRetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const ceiling = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
