import type { GraphStore } from '../../core/store/port';
import { encodeBody, ViewCache, viewSlot } from '../../server/views/view-cache';
import { SessionService, USER_CACHE_MS } from '../../server/http/session-service';
import { LoginLimiter } from '../../server/http/login-limiter';
import { hashToken } from '../../core/auth/api-token';
import { signSession, newSession } from '../../core/auth/session-token';
import type { UserStore } from '../../core/store/port';
import type { AppUser } from '../../core/types';

// Express's own entity tag function (a dependency of express), to compare with.
const expressEtag = require('etag') as (body: Buffer, opts: { weak: boolean }) => string;

/** A store stand-in with a settable data generation. */
function generationStore(start = 0): GraphStore & { gen: number; reads: number } {
  const s = {
    gen: start,
    reads: 0,
    dataGeneration() {
      s.reads++;
      return String(s.gen);
    },
  };
  return s as unknown as GraphStore & { gen: number; reads: number };
}

const view = (text: string) => ({ encoded: encodeBody({ text }), meta: { text } });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('view cache', () => {
  it('encodes a body as Express would send it: the same bytes and entity tag', () => {
    const body = { elements: { nodes: [{ data: { id: 'account:é' } }] }, capped: false };
    const e = encodeBody(body);
    expect(e.bytes.toString('utf8')).toBe(JSON.stringify(body));
    expect(e.etag).toBe(expressEtag(Buffer.from(JSON.stringify(body)), { weak: true }));
    expect(e.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
  });

  it('serves a view only at the generation it was built at', async () => {
    const store = generationStore(4);
    const cache = new ViewCache(store, 1 << 20);
    const slot = viewSlot(cache, undefined, ['ring-graph', 'r1', undefined, 500, 50])!;
    expect(slot.gen).toBe('4');
    expect(cache.get(slot.key, slot.gen)).toBeNull();
    cache.set(slot.key, slot.gen, view('v4'));
    expect(cache.get(slot.key, '4')?.meta).toEqual({ text: 'v4' });
    store.gen = 5;
    await nextTurn();
    const later = viewSlot(cache, undefined, ['ring-graph', 'r1', undefined, 500, 50])!;
    expect(later.gen).toBe('5');
    expect(cache.get(later.key, later.gen)).toBeNull();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it('does not keep a view when the generation moved while it was built', () => {
    const store = generationStore(7);
    const cache = new ViewCache(store, 1 << 20);
    const slot = viewSlot(cache, undefined, ['neighbourhood', 'a', 1, 200, 50])!;
    store.gen = 8; // e.g. a load committed (or started) meanwhile
    cache.set(slot.key, slot.gen, view('built across a change'));
    expect(cache.stats().entries).toBe(0);
    store.gen = 7;
    cache.set(slot.key, slot.gen, view('built at 7'));
    expect(cache.get(slot.key, '7')?.meta).toEqual({ text: 'built at 7' });
  });

  it('reads the generation once per turn of the event loop', async () => {
    const store = generationStore(1);
    const cache = new ViewCache(store, 1 << 20);
    expect([cache.generation(), cache.generation(), cache.generation()]).toEqual(['1', '1', '1']);
    expect(store.reads).toBe(1);
    store.gen = 2;
    await nextTurn();
    expect(cache.generation()).toBe('2');
    expect(store.reads).toBe(2);
  });

  it('has no slot for a reveal, without a cache, or over a store without a generation', () => {
    const cache = new ViewCache(generationStore(), 1 << 20);
    expect(viewSlot(cache, 'true', ['x'])).toBeNull();
    expect(viewSlot(cache, 'false', ['x'])).not.toBeNull();
    expect(viewSlot(null, undefined, ['x'])).toBeNull();
    expect(viewSlot(new ViewCache({} as GraphStore, 1 << 20), undefined, ['x'])).toBeNull();
    expect(viewSlot(new ViewCache(generationStore(), 0), undefined, ['x'])).toBeNull();
  });

  it('keys views by every input, unambiguously', () => {
    const cache = new ViewCache(generationStore(), 1 << 20);
    const a = viewSlot(cache, undefined, ['n', 'a","b', 1])!;
    const b = viewSlot(cache, undefined, ['n', 'a', 'b', 1])!;
    expect(a.key).not.toBe(b.key);
    cache.set(a.key, '0', view('a'));
    expect(cache.get(b.key, '0')).toBeNull();
  });

  it('drops the least recently used views beyond its byte budget', () => {
    const one = view('x'.repeat(100));
    const size = one.encoded.bytes.length + JSON.stringify(['k', 1]).length;
    const cache = new ViewCache(generationStore(), size * 8);
    const key = (i: number) => JSON.stringify(['k', i]);
    for (let i = 0; i < 8; i++) cache.set(key(i), '0', view('x'.repeat(100)));
    expect(cache.stats()).toMatchObject({ entries: 8, bytes: size * 8 });
    expect(cache.get(key(0), '0')).not.toBeNull(); // 0 is now the most recently used
    cache.set(key(8), '0', view('x'.repeat(100)));
    expect(cache.stats()).toMatchObject({ entries: 8, bytes: size * 8 });
    expect(cache.get(key(1), '0')).toBeNull();
    expect(cache.get(key(0), '0')).not.toBeNull();
    expect(cache.get(key(8), '0')).not.toBeNull();
    // A view above an eighth of the budget is not kept at all.
    cache.set('big', '0', view('x'.repeat(size * 2)));
    expect(cache.get('big', '0')).toBeNull();
  });
});

describe('session service: recently resolved users', () => {
  const ada: AppUser = {
    userId: 'u-ada',
    name: 'ada',
    role: 'admin',
    passwordHash: null,
    createdAt: 0,
  };

  function countingStore(): UserStore & { calls: number; user: AppUser | null } {
    const s = {
      calls: 0,
      user: ada as AppUser | null,
      async userByTokenHash(hash: string) {
        s.calls++;
        return hash === hashToken('frt_good') ? s.user : null;
      },
      async getUserById(id: string) {
        s.calls++;
        return s.user && id === s.user.userId ? s.user : null;
      },
    };
    return s as unknown as UserStore & { calls: number; user: AppUser | null };
  }

  it('resolves a token once per interval and sees a change after it', async () => {
    const store = countingStore();
    const sessions = new SessionService(store, 'secret', new LoginLimiter());
    const req = { method: 'GET', authorization: 'Bearer frt_good' };
    expect((await sessions.authenticate(req, 1000))?.role).toBe('admin');
    expect((await sessions.authenticate(req, 1000 + USER_CACHE_MS - 1))?.name).toBe('ada');
    expect(store.calls).toBe(1);
    store.user = { ...ada, role: 'analyst' };
    expect((await sessions.authenticate(req, 1000 + USER_CACHE_MS))?.role).toBe('analyst');
    expect(store.calls).toBe(2);
    store.user = null;
    await expect(sessions.authenticate(req, 1000 + 2 * USER_CACHE_MS)).rejects.toThrow(
      'invalid API token',
    );
  });

  it('never keeps an unknown token', async () => {
    const store = countingStore();
    const sessions = new SessionService(store, 'secret', new LoginLimiter());
    const bad = { method: 'GET', authorization: 'Bearer frt_bad' };
    await expect(sessions.authenticate(bad, 1000)).rejects.toThrow('invalid API token');
    await expect(sessions.authenticate(bad, 1000)).rejects.toThrow('invalid API token');
    expect(store.calls).toBe(2);
  });

  it('refuses a logged-out session at once, whatever it kept', async () => {
    const store = countingStore();
    const sessions = new SessionService(store, 'secret', new LoginLimiter());
    const claims = newSession(ada.userId, 1000);
    const req = { method: 'GET', cookie: signSession(claims, 'secret') };
    expect((await sessions.authenticate(req, 1000))?.sid).toBe(claims.sid);
    expect((await sessions.authenticate(req, 1001))?.sid).toBe(claims.sid);
    expect(store.calls).toBe(1);
    sessions.logout(claims.sid, claims.exp);
    await expect(sessions.authenticate(req, 1002)).rejects.toThrow('session expired');
  });
});
