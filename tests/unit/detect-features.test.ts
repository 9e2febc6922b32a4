import { DEFAULT_DETECTION_CONFIG } from '../../core/detect/config';
import { candidateFacts, type CandidateFacts } from '../../core/detect/features';
import { fetchMoney } from '../../core/detect/member-money';
import { projectGraph, type Projection } from '../../core/detect/projection';
import { DAY, HOUR, T0, fixtureSource, type Fixture } from '../helpers/detect-fixture';

const config = DEFAULT_DETECTION_CONFIG;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/**
 * Three candidates that exercise every fact computed per candidate from shared arrays:
 * - a: synthetic identities on one device (first used within hours), a phone and a mailbox
 *   given across homes, and money sent round a cycle;
 * - h: a household (one address, a laptop, payments back and forth);
 * - s: sleepers opened long ago, all first active on one device at T0.
 * An outsider on the household's address and the synthetic phone sits in no candidate.
 */
function scene(): Fixture {
  const a = ids('a', 5);
  const h = ids('h', 4);
  const s = ids('s', 4);
  return {
    accounts: [
      ...a.map((id, i) => ({ id, createdAt: T0 - 2 * DAY + i * HOUR })),
      ...h.map((id, i) => ({ id, createdAt: T0 - (4 - i) * 400 * DAY })),
      ...s.map((id, i) => ({ id, createdAt: T0 - 400 * DAY - i * DAY })),
      { id: 'x1', createdAt: T0 - 30 * DAY },
    ],
    identifiers: [
      { kind: 'device', value: 'd-a', accounts: a, firstSeen: a.map((_, i) => T0 + i * HOUR) },
      { kind: 'address', value: '1 a st', accounts: ['a1', 'a2'] },
      { kind: 'phone', value: '+1555', accounts: ['a1', 'a2', 'a3', 'x1'], firstSeen: T0 },
      { kind: 'email', value: 'box@x', accounts: ['a3', 'a4', 'a5'], firstSeen: T0 },
      { kind: 'address', value: '1 elm st', accounts: [...h, 'x1'] },
      { kind: 'device', value: 'd-home', accounts: h, firstSeen: T0 - 1000 * DAY },
      { kind: 'device', value: 'd-s', accounts: s, firstSeen: T0 },
    ],
    payments: [
      { payer: 'a1', payee: 'a2', amount: 500 },
      { payer: 'a2', payee: 'a3', amount: 450 },
      { payer: 'a3', payee: 'a1', amount: 400 },
      { payer: 'a4', payee: 'a5', amount: 100, chargebacks: 2 },
      { payer: 'a5', payee: 'x1', amount: 80 },
      { payer: 'h1', payee: 'h2', count: 4, amount: 200 },
      { payer: 'h2', payee: 'h1', count: 2, amount: 50 },
    ],
  };
}

async function setting() {
  const source = fixtureSource(scene());
  const projection = await projectGraph(source, config);
  const index = new Map(projection.accounts.userIds.map((id, i) => [id, i]));
  const members = (prefix: string) =>
    projection.accounts.userIds
      .filter((id) => id.startsWith(prefix))
      .map((id) => index.get(id) as number)
      .sort((x, y) => x - y);
  const candidates = [members('a'), members('h'), members('s')];
  const { money } = await fetchMoney(source, projection, candidates.flat());
  const factsOf = (lists: number[][]): CandidateFacts[] =>
    candidateFacts(projection as Projection, lists, money, config);
  return { candidates, factsOf };
}

describe('candidate facts', () => {
  it('measure each candidate on its own, whichever candidates come with it', async () => {
    const { candidates, factsOf } = await setting();
    const together = factsOf(candidates);
    expect(candidates.map((c) => factsOf([c])[0])).toEqual(together);
    expect(factsOf([...candidates].reverse()).reverse()).toEqual(together);
  });

  it('find shared identifiers, contacts across homes, mailboxes, cycles and sleepers', async () => {
    const { candidates, factsOf } = await setting();
    const [a, h, s] = factsOf(candidates);
    expect(a.features).toMatchObject({
      sharingAccounts: 5,
      sharedIdentifiers: 3,
      syncAccounts: 5,
      // a1 and a2 share a home and the phone, which a3 (no address) also gives; a3-a5 share the email
      crossHomeAccounts: 5,
      mailboxAccounts: 3,
      cycleAccounts: 3,
      internalPayments: 4,
      homeAccounts: 2,
      wakeAccounts: 0,
    });
    expect(a.shared.map((f) => [f.kind, f.accounts])).toEqual([
      ['device', 5],
      ['phone', 3],
      ['email', 3],
    ]);
    expect(h.features).toMatchObject({ homeAccounts: 4, crossHomeAccounts: 0, cycleAccounts: 0 });
    expect(s.wake).toEqual({
      accounts: 4,
      start: T0,
      end: T0,
      createdBefore: T0 - 403 * DAY,
    });
  });
});
