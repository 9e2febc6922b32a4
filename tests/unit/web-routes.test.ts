import { hrefFor, parseHash } from '../../web/src/routes';

describe('deep links', () => {
  test('a ring link keeps its id, tab and selected node', () => {
    const route = parseHash('#/ring/ring-5a52?tab=members&node=account%3Au1');
    expect(route.name).toBe('ring');
    expect(route.id).toBe('ring-5a52');
    expect(route.query.get('tab')).toBe('members');
    expect(route.query.get('node')).toBe('account:u1');
  });

  test.each(["x'}) DETACH DELETE n //", 'a/b?c=d&e#f', 'üser 1', '<img src=x onerror=alert(1)>'])(
    'an id %p survives a round trip',
    (id) => {
      const route = parseHash(hrefFor('account', id, { depth: 2 }));
      expect(route).toMatchObject({ name: 'account', id });
      expect(route.query.get('depth')).toBe('2');
    },
  );

  test('empty query values are left out of a link', () => {
    expect(hrefFor('queue', null, { status: '', minScore: null, sort: 'size' })).toBe(
      '#/queue?sort=size',
    );
  });

  test.each(['', '#', '#/', '#/nowhere', '#/ring', '#/ring/'])(
    '%p falls back to the queue',
    (hash) => {
      expect(parseHash(hash)).toMatchObject({ name: 'queue', id: null });
    },
  );

  test('screens without an id ignore trailing segments', () => {
    expect(parseHash('#/jobs')).toMatchObject({ name: 'jobs', id: null });
    expect(parseHash('#/cases?status=open').query.get('status')).toBe('open');
  });
});
