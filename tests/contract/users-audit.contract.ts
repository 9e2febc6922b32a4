/** Contract: investigators, API token hashes, and the append-only audit log. */
import type { AppUser } from '../../core/types';
import type { ContractContext } from './graph-store.contract';
import { T0, uniqueIds } from './contract-fixtures';

export function describeUserAuditContract(ctx: ContractContext): void {
  describe('users and tokens', () => {
    it('creates users, finds them by name, id and token hash, and refuses a duplicate name', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const ann: AppUser = {
        userId: id('u-ann'),
        name: id('ann'),
        role: 'analyst',
        passwordHash: 'scrypt$abc',
        createdAt: T0,
      };
      const root: AppUser = {
        userId: id('u-root'),
        name: id('root'),
        role: 'admin',
        passwordHash: null,
        createdAt: T0 + 1,
      };
      expect(await store.createUser(ann)).toEqual(ann);
      await store.createUser(root);
      expect(await store.getUserByName(ann.name)).toEqual(ann);
      expect(await store.getUserById(root.userId)).toEqual(root);
      expect(await store.getUserByName(id('nobody'))).toBeNull();
      expect(await store.getUserById(id('nobody'))).toBeNull();
      const listed = (await store.listUsers()).filter((u) => u.userId.startsWith(id('')));
      expect(listed).toEqual([ann, root]);
      await expect(store.createUser({ ...ann, userId: id('u-ann-2') })).rejects.toMatchObject({
        code: 'USER_EXISTS',
      });

      await store.addToken(ann.userId, id('hash-1'), T0 + 5);
      expect(await store.userByTokenHash(id('hash-1'))).toEqual(ann);
      expect(await store.userByTokenHash(id('hash-unknown'))).toBeNull();
      await expect(store.addToken(id('nobody'), id('hash-2'), T0)).rejects.toMatchObject({
        code: 'USER_NOT_FOUND',
      });
    });
  });

  describe('audit log', () => {
    it('appends entries with increasing ids and lists them newest first, filtered, in cursor pages', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const actor = id('ann');
      const appended = [];
      for (let i = 0; i < 5; i++) {
        appended.push(
          await store.appendAudit({
            at: T0 + i,
            actor,
            action: i % 2 === 0 ? 'case.update' : 'ring.view',
            target: `case:${i}`,
            detail: { step: i, tags: ['a'] },
          }),
        );
      }
      for (let i = 1; i < appended.length; i++)
        expect(appended[i].id).toBeGreaterThan(appended[i - 1].id);
      expect(appended[0]).toEqual({
        id: appended[0].id,
        at: T0,
        actor,
        action: 'case.update',
        target: 'case:0',
        detail: { step: 0, tags: ['a'] },
      });

      const all = await store.listAudit({ actor });
      expect(all.items).toEqual([...appended].reverse());
      expect(
        (await store.listAudit({ actor, action: 'ring.view' })).items.map((e) => e.target),
      ).toEqual(['case:3', 'case:1']);
      expect((await store.listAudit({ actor, target: 'case:2' })).items).toEqual([appended[2]]);

      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.listAudit({ actor, limit: 2, cursor });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(all.items.map((e) => e.id));
    });
  });
}
