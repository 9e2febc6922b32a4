import { parseAmount } from '../../core/ingest/parse-amount';
import { parseIsoTime } from '../../core/ingest/parse-time';

describe('parseIsoTime', () => {
  it.each([
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2026-03-01T10:00:00Z', Date.UTC(2026, 2, 1, 10)],
    ['2026-03-01 10:00:00Z', Date.UTC(2026, 2, 1, 10)],
    ['2026-03-01T10:00Z', Date.UTC(2026, 2, 1, 10)],
    ['2026-03-01T10:00:00', Date.UTC(2026, 2, 1, 10)],
    ['2026-03-01T10:00:00.250Z', Date.UTC(2026, 2, 1, 10, 0, 0, 250)],
    ['2026-03-01T10:00:00.123456Z', Date.UTC(2026, 2, 1, 10, 0, 0, 123)],
    ['2026-03-01T10:00:00+02:00', Date.UTC(2026, 2, 1, 8)],
    ['2026-03-01T10:00:00-0130', Date.UTC(2026, 2, 1, 11, 30)],
    ['2026-03-01T10:00:00+05', Date.UTC(2026, 2, 1, 5)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2026-3-1',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60Z',
    '2026-03-01T10:00:00ZZ',
    '2026-03-01T10:00:00+2',
    '01/03/2026',
    '2026-03-01T10',
  ])('rejects %p', (text) => {
    expect(parseIsoTime(text)).toBeNull();
  });
});

describe('parseAmount', () => {
  it.each([
    ['12', 12],
    ['12.50', 12.5],
    ['0.01', 0.01],
    ['-5', -5],
    ['+3', 3],
    ['0', 0],
  ])('reads %s', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['', 'abc', '1e5', '1,000', '$5', '.5', '5.', '1.2.3', '-', ' 5'])(
    'rejects %p',
    (text) => {
      expect(parseAmount(text)).toBeNull();
    },
  );
});
