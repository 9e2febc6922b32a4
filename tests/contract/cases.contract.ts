/** Contract: cases, notes, evidence packs and markers. */
import type { CaseRecord } from '../../core/types';
import type { ContractContext } from './graph-store.contract';
import { T0, uniqueIds } from './contract-fixtures';

function caseRecord(caseId: string, over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId,
    title: `Ring review ${caseId}`,
    ringId: 'ring-1',
    runId: 'run-1',
    accounts: ['u2', 'u1', 'u3'],
    status: 'open',
    assignee: null,
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
    createdBy: 'lead',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function describeCaseContract(ctx: ContractContext): void {
  describe('cases', () => {
    it('creates a case, reads it back and refuses a duplicate id', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const c = caseRecord(id('case'));
      expect(await store.createCase(c)).toEqual(c);
      expect(await store.getCase(c.caseId)).toEqual(c);
      expect(await store.getCase(id('none'))).toBeNull();
      await expect(store.createCase(c)).rejects.toMatchObject({ code: 'CASE_EXISTS' });
    });

    it('lists cases newest first by assignee and status, in cursor pages', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const analyst = id('analyst');
      for (let i = 0; i < 5; i++) {
        await store.createCase(
          caseRecord(id(`c${i}`), {
            assignee: analyst,
            createdAt: T0 + i * 1000,
            status: i % 2 === 0 ? 'open' : 'in_progress',
          }),
        );
      }
      await store.createCase(
        caseRecord(id('other'), { assignee: id('someone-else'), createdAt: T0 + 10_000 }),
      );
      const all = await store.listCases({ assignee: analyst, limit: 50 });
      expect(all.items.map((c) => c.caseId)).toEqual([
        id('c4'),
        id('c3'),
        id('c2'),
        id('c1'),
        id('c0'),
      ]);
      expect(all.nextCursor).toBeNull();
      const open = await store.listCases({ assignee: analyst, status: 'open' });
      expect(open.items.map((c) => c.caseId)).toEqual([id('c4'), id('c2'), id('c0')]);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.listCases({ assignee: analyst, limit: 2, cursor });
        seen.push(...page.items.map((c) => c.caseId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(all.items.map((c) => c.caseId));
    });

    it('applies a patch: absent fields stay, null clears, the update time is stamped', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const c = await store.createCase(caseRecord(id('case'), { assignee: 'ann' }));
      const updated = await store.updateCase(c.caseId, { status: 'in_progress' }, T0 + 5000);
      expect(updated).toEqual({ ...c, status: 'in_progress', updatedAt: T0 + 5000 });
      const decided = await store.updateCase(
        c.caseId,
        {
          status: 'confirmed_fraud',
          assignee: null,
          decisionNote: 'shared devices and cards',
          decidedBy: 'ann',
          decidedAt: T0 + 9000,
        },
        T0 + 9000,
      );
      expect(decided).toMatchObject({
        status: 'confirmed_fraud',
        assignee: null,
        decisionNote: 'shared devices and cards',
        decidedBy: 'ann',
        decidedAt: T0 + 9000,
        updatedAt: T0 + 9000,
      });
      expect(await store.getCase(c.caseId)).toEqual(decided);
      await expect(store.updateCase(id('none'), { status: 'open' }, T0)).rejects.toMatchObject({
        code: 'CASE_NOT_FOUND',
      });
    });

    it('keeps notes in order and refuses a note on a missing case', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const c = await store.createCase(caseRecord(id('case')));
      const n2 = {
        noteId: id('n2'),
        caseId: c.caseId,
        author: 'bob',
        text: 'second',
        createdAt: T0 + 2,
      };
      const n1 = {
        noteId: id('n1'),
        caseId: c.caseId,
        author: 'ann',
        text: 'first',
        createdAt: T0 + 1,
      };
      expect(await store.addNote(n2)).toEqual(n2);
      await store.addNote(n1);
      expect(await store.listNotes(c.caseId)).toEqual([n1, n2]);
      expect(await store.listNotes(id('none'))).toEqual([]);
      await expect(
        store.addNote({ ...n1, noteId: id('n3'), caseId: id('none') }),
      ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    });

    it('finds cases decided since a time, oldest decision first', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const far = T0 + 400 * 86_400_000;
      await store.createCase(
        caseRecord(id('late'), { status: 'dismissed', decidedAt: far + 20, decidedBy: 'ann' }),
      );
      await store.createCase(
        caseRecord(id('early'), {
          status: 'confirmed_fraud',
          decidedAt: far + 10,
          decidedBy: 'ann',
        }),
      );
      await store.createCase(
        caseRecord(id('before'), { status: 'dismissed', decidedAt: far - 10, decidedBy: 'ann' }),
      );
      await store.createCase(caseRecord(id('open')));
      const since = (await store.casesDecidedSince(far))
        .map((c) => c.caseId)
        .filter((cid) => cid.startsWith(id('')));
      expect(since).toEqual([id('early'), id('late')]);
    });

    it('stores evidence packs (the newest is current) and refuses a pack for a missing case', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const c = await store.createCase(caseRecord(id('case')));
      expect(await store.getEvidencePack(c.caseId)).toBeNull();
      const body = {
        ring: { id: 'ring-1', members: ['u1', 'u2'] },
        evidence: [{ kind: 'shared_card', accounts: 2 }],
      };
      await store.saveEvidencePack(c.caseId, { hash: 'sha256:aaa', createdAt: T0 + 1, body });
      expect(await store.getEvidencePack(c.caseId)).toEqual({
        hash: 'sha256:aaa',
        createdAt: T0 + 1,
        body,
      });
      await store.saveEvidencePack(c.caseId, {
        hash: 'sha256:bbb',
        createdAt: T0 + 2,
        body: { reopened: true },
      });
      expect(await store.getEvidencePack(c.caseId)).toEqual({
        hash: 'sha256:bbb',
        createdAt: T0 + 2,
        body: { reopened: true },
      });
      await expect(
        store.saveEvidencePack(id('none'), { hash: 'x', createdAt: T0, body: {} }),
      ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    });

    it('reads and overwrites named markers', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      expect(await store.getMarker(id('nightly'))).toBeNull();
      await store.setMarker(id('nightly'), '2026-03-01T02:00:00Z');
      await store.setMarker(id('nightly'), '2026-03-02T02:00:00Z');
      expect(await store.getMarker(id('nightly'))).toBe('2026-03-02T02:00:00Z');
    });
  });
}
