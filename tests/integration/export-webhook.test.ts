import net from 'node:net';
import { FraudRingsError } from '../../core/errors';
import { deliverWebhook, signWebhook, verifyWebhook } from '../../core/export/webhook';
import { startWebhookReceiver } from '../helpers/export-webhook-receiver';

const secret = 'test-secret-\u00e9';
const body = JSON.stringify({ case: { case_id: 'c-1' }, note: 'ünïcødé' });
const fast = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 };

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('webhook delivery', () => {
  it('retries a 500, then delivers with a signature the receiver verifies', async () => {
    const receiver = await startWebhookReceiver([500, 200]);
    try {
      const result = await deliverWebhook(
        {
          url: receiver.url,
          secret,
          body,
          deliveryId: 'case:c-1:confirmed_fraud:1',
          event: 'case.decided',
        },
        { attempts: 4, ...fast },
      );
      expect(result).toEqual({ status: 200, attempts: 2 });
      expect(receiver.received).toHaveLength(2);
      for (const r of receiver.received) {
        expect(r.method).toBe('POST');
        expect(r.body).toBe(body);
        expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(r.headers['x-fraud-rings-delivery']).toBe('case:c-1:confirmed_fraud:1');
        expect(r.headers['x-fraud-rings-event']).toBe('case.decided');
        expect(r.headers['x-fraud-rings-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
        const ok = verifyWebhook({
          secret,
          body: r.body,
          timestamp: r.headers['x-fraud-rings-timestamp'] as string,
          signature: r.headers['x-fraud-rings-signature'] as string,
        });
        expect(ok).toBe(true);
      }
      const last = receiver.received[1];
      const ts = last.headers['x-fraud-rings-timestamp'] as string;
      const sig = last.headers['x-fraud-rings-signature'] as string;
      expect(
        verifyWebhook({ secret: 'other', body: last.body, timestamp: ts, signature: sig }),
      ).toBe(false);
      expect(verifyWebhook({ secret, body: `${last.body} `, timestamp: ts, signature: sig })).toBe(
        false,
      );
      expect(
        verifyWebhook({
          secret,
          body: last.body,
          timestamp: String(Number(ts) + 1),
          signature: sig,
        }),
      ).toBe(false);
      expect(
        verifyWebhook({
          secret,
          body: last.body,
          timestamp: ts,
          signature: sig,
          nowMs: (Number(ts) + 301) * 1000,
        }),
      ).toBe(false);
      expect(verifyWebhook({ secret, body: last.body, timestamp: undefined, signature: sig })).toBe(
        false,
      );
    } finally {
      await receiver.close();
    }
  });

  it('does not retry a 4xx', async () => {
    const receiver = await startWebhookReceiver([400, 200]);
    try {
      const err = await deliverWebhook(
        { url: receiver.url, secret, body, deliveryId: 'd', event: 'case.decided' },
        { attempts: 4, ...fast },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FraudRingsError);
      expect((err as FraudRingsError).code).toBe('WEBHOOK_REJECTED');
      expect((err as FraudRingsError).retriable).toBe(false);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('retries network errors, then fails retriably', async () => {
    const port = await closedPort();
    const err = await deliverWebhook(
      { url: `http://127.0.0.1:${port}/x`, secret, body, deliveryId: 'd', event: 'case.decided' },
      { attempts: 3, ...fast },
    ).catch((e: unknown) => e);
    expect((err as FraudRingsError).code).toBe('WEBHOOK_FAILED');
    expect((err as FraudRingsError).retriable).toBe(true);
    expect((err as FraudRingsError).details).toEqual({ attempts: 3 });
  });

  it('signs the timestamp and the raw body together', () => {
    expect(signWebhook('k', 1700000000, '{}')).toBe(signWebhook('k', 1700000000, '{}'));
    expect(signWebhook('k', 1700000000, '{}')).not.toBe(signWebhook('k', 1700000001, '{}'));
    // `printf '1700000000.{}' | openssl dgst -sha256 -hmac k`
    expect(signWebhook('k', 1700000000, '{}')).toBe(
      'sha256=c6ef4734033cee2367414a0939385eca0397754aa7a59716da7463a9298b5146',
    );
  });
});
