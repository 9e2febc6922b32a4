import { maskAddress, maskCard, maskEmail, maskPhone } from '../../core/masking/mask-value';
import { Masker } from '../../core/masking/masker';
import type { AccountView, Subgraph } from '../../core/types';

describe('PII masking', () => {
  it('keeps the shape of each kind of value', () => {
    expect(maskEmail('john.doe@gmail.com')).toBe('j***@gmail.com');
    expect(maskPhone('+1 (415) 555-0134')).toBe('***-***-0134');
    expect(maskCard('card_9f3a77c1')).toBe('****77c1');
    expect(maskAddress('12 Main Street, Springfield')).toBe('***, Springfield');
    expect(maskAddress('12 Main Street 90210')).toBe('***');
    expect(maskEmail('not-an-email')).toBe('***');
  });

  const masker = new Masker('test-key');

  it('masks an account and its PII identifiers but not devices or IPs', () => {
    const account: AccountView = {
      userId: 'u1',
      createdAt: 1,
      name: 'Jane',
      email: 'jane@example.com',
      phone: '+14155550134',
      address: '1 Elm St, Dover',
      country: 'US',
      label: null,
      stub: false,
      identifiers: [
        {
          kind: 'email',
          value: 'jane@example.com',
          raw: 'Jane@Example.com',
          accounts: 1,
          firstSeen: null,
          lastSeen: null,
        },
        { kind: 'device', value: 'dev-1', raw: 'DEV-1', accounts: 3, firstSeen: 5, lastSeen: 6 },
      ],
      payments: { sent: 0, received: 0, chargebacks: 0, amountSent: 0, amountReceived: 0 },
    };
    const m = masker.account(account);
    expect([m.email, m.phone, m.address]).toEqual([
      'j***@example.com',
      '***-***-0134',
      '***, Dover',
    ]);
    expect(m.identifiers.map((i) => [i.value, i.raw])).toEqual([
      ['j***@example.com', 'J***@Example.com'],
      ['dev-1', 'DEV-1'],
    ]);
    expect(JSON.stringify(m)).not.toContain('jane@example.com');
  });

  it('replaces PII node ids consistently in nodes and edges, keyed so they cannot be guessed', () => {
    const g: Subgraph = {
      nodes: [
        { id: 'u1', type: 'account', label: 'u1', props: { email: 'jane@example.com' } },
        {
          id: 'phone:+14155550134',
          type: 'phone',
          label: '+1 415 555 0134',
          props: { kind: 'phone', raw: '+1 415 555 0134', accounts: 2 },
        },
        {
          id: 'device:dev-1',
          type: 'device',
          label: 'dev-1',
          props: { kind: 'device', raw: 'dev-1', accounts: 2 },
        },
      ],
      edges: [
        {
          id: 'u1->phone:+14155550134',
          source: 'u1',
          target: 'phone:+14155550134',
          type: 'uses',
          props: {},
        },
        { id: 'u1->device:dev-1', source: 'u1', target: 'device:dev-1', type: 'uses', props: {} },
      ],
      capped: false,
    };
    const m = masker.subgraph(g);
    const phoneId = m.nodes[1].id;
    expect(phoneId).toMatch(/^phone:~[A-Za-z0-9_-]{16}$/);
    expect(m.edges[0].target).toBe(phoneId);
    expect(m.edges[1]).toEqual(g.edges[1]);
    expect(m.nodes[1].label).toBe('***-***-0134');
    expect(m.nodes[0].props.email).toBe('j***@example.com');
    expect(JSON.stringify(m)).not.toMatch(/5550134|jane@example/);
    expect(new Masker('other-key').subgraph(g).nodes[1].id).not.toBe(phoneId);
  });

  it('masks a hub node of a PII kind: its id, label and values', () => {
    const hub = masker.subgraph({
      nodes: [
        {
          id: 'phone:+18005550100',
          type: 'hub',
          label: '+1 800 555 0100 (900 accounts)',
          props: { kind: 'phone', value: '+18005550100', raw: '+1 800 555 0100', count: 900 },
        },
      ],
      edges: [],
      capped: true,
    }).nodes[0];
    expect(hub).toMatchObject({
      label: '***-***-0100 (900 accounts)',
      props: { value: '***-***-0100', raw: '***-***-0100', count: 900 },
    });
    expect(hub.id).toMatch(/^phone:~/);
  });

  it('masks evidence values and the sentences that quote them', () => {
    const e = masker.evidence({
      kind: 'shared_email',
      value: 'ring@mail.test',
      accounts: 4,
      text: '4 accounts share ring@mail.test',
    });
    expect(e).toEqual({
      kind: 'shared_email',
      value: 'r***@mail.test',
      accounts: 4,
      text: '4 accounts share r***@mail.test',
    });
    const d = masker.evidence({
      kind: 'shared_device',
      value: 'dev-9',
      text: '3 accounts use device dev-9',
    });
    expect(d.text).toBe('3 accounts use device dev-9');
  });
});
