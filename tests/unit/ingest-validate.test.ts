import { validateAccount } from '../../core/ingest/validate-account';
import { validatePayment } from '../../core/ingest/validate-payment';
import { validateSighting } from '../../core/ingest/validate-sighting';
import type { AccountInput, PaymentInput, SightingInput } from '../../core/types';

// payment_id, payer_id, payee_id, amount, currency, created_at, card_id, device_id, status
const payment = (over: Partial<Record<number, string | undefined>> = {}) => {
  const v: Array<string | undefined> = [
    'p1',
    'u1',
    'u2',
    '12.50',
    'eur',
    '2026-03-01T10:00:00Z',
    ' Card-1 ',
    'DEV-1',
    '',
  ];
  for (const [i, value] of Object.entries(over)) v[Number(i)] = value;
  return validatePayment(v);
};

describe('validatePayment', () => {
  it('builds the payment with normalised card and device identifiers of the payer', () => {
    const p = payment() as PaymentInput;
    expect(p).toEqual({
      paymentId: 'p1',
      payerId: 'u1',
      payeeId: 'u2',
      amount: 12.5,
      currency: 'EUR',
      createdAt: Date.UTC(2026, 2, 1, 10),
      cardId: 'Card-1',
      deviceId: 'DEV-1',
      status: 'settled',
      identifiers: [
        { kind: 'card', value: 'card-1', raw: 'Card-1' },
        { kind: 'device', value: 'dev-1', raw: 'DEV-1' },
      ],
    });
  });

  it.each([
    [{ 0: '' }, 'missing payment_id'],
    [{ 1: '  ' }, 'missing payer_id'],
    [{ 2: undefined }, 'missing payee_id'],
    [{ 1: 'x'.repeat(129) }, 'payer_id longer than 128 characters'],
    [{ 3: '' }, 'missing amount'],
    [{ 3: 'abc' }, 'amount is not a decimal number'],
    [{ 3: '-5' }, 'amount must be greater than 0'],
    [{ 3: '0.00' }, 'amount must be greater than 0'],
    [{ 4: 'EURO' }, 'currency is not a 3-letter ISO 4217 code'],
    [{ 4: '' }, 'missing currency'],
    [{ 5: 'yesterday' }, 'created_at is not an ISO 8601 time'],
    [{ 5: '' }, 'missing created_at'],
    [{ 8: 'pending' }, 'unknown status'],
  ])('rejects %p with %p', (over, reason) => {
    expect(payment(over)).toBe(reason);
  });

  it('accepts every contract status in any case, and no card or device', () => {
    expect((payment({ 8: 'Chargeback' }) as PaymentInput).status).toBe('chargeback');
    const p = payment({ 6: '', 7: undefined }) as PaymentInput;
    expect([p.cardId, p.deviceId, p.identifiers]).toEqual([null, null, []]);
  });

  it('keeps a formula-like value exactly as typed', () => {
    expect((payment({ 1: '=HYPERLINK("http://x","y")' }) as PaymentInput).payerId).toBe(
      '=HYPERLINK("http://x","y")',
    );
  });
});

describe('validateAccount', () => {
  // user_id, created_at, name, email, phone, address, country, label
  it('normalises the profile identifiers and keeps what was typed', () => {
    const a = validateAccount([
      'u1',
      '2026-01-02',
      'Ann',
      ' J.Doe+shop@GoogleMail.com',
      '(555) 010-1234',
      '1 Main Street',
      'us',
      'Fraud',
    ]) as AccountInput;
    expect(a.userId).toBe('u1');
    expect(a.createdAt).toBe(Date.UTC(2026, 0, 2));
    expect([a.email, a.country, a.label]).toEqual(['J.Doe+shop@GoogleMail.com', 'US', 'fraud']);
    expect(a.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual([
      'email:jdoe@gmail.com',
      'phone:+15550101234',
      'address:1 main st',
    ]);
  });

  it.each([
    [['', '2026-01-01'], 'missing user_id'],
    [['u1', ''], 'missing created_at'],
    [['u1', '2026-01-01', '', '', '', '', 'USA'], 'country is not an ISO 3166 alpha-2 code'],
    [['u1', '2026-01-01', '', '', '', '', '', 'suspect'], 'unknown label'],
  ])('rejects %p with %p', (values, reason) => {
    expect(validateAccount(values)).toBe(reason);
  });

  it('keeps an unusable email as profile text without an identifier', () => {
    const a = validateAccount(['u1', '2026-01-01', '', 'not-an-email']) as AccountInput;
    expect(a.email).toBe('not-an-email');
    expect(a.identifiers).toEqual([]);
  });
});

describe('validateSighting', () => {
  it('makes the device and ip identifiers of the account', () => {
    const s = validateSighting([
      'u1',
      'DEV-9',
      ' 10.0.0.1 ',
      '2026-01-01T00:00:00Z',
    ]) as SightingInput;
    expect(s.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual([
      'device:dev-9',
      'ip:10.0.0.1',
    ]);
    expect(s.seenAt).toBe(Date.UTC(2026, 0, 1));
  });

  it.each([
    [['u1', '', '', '2026-01-01'], 'missing device_id'],
    [['u1', 'd', '999.1.1.1', '2026-01-01'], 'ip is not an IPv4 or IPv6 address'],
    [['u1', 'd', '', 'soon'], 'seen_at is not an ISO 8601 time'],
  ])('rejects %p with %p', (values, reason) => {
    expect(validateSighting(values)).toBe(reason);
  });
});
