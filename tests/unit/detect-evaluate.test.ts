import { evaluateRings, parseTruth } from '../../core/detect/evaluate';
import { ringsCsv, ringsDocument } from '../../core/detect/ring-output';
import type { RingRecord } from '../../core/types';

describe('evaluation as the contract defines it', () => {
  const truth = parseTruth({
    rings: [
      { id: 't1', kind: 'device_farm', members: ['a', 'b', 'c', 'd'] },
      { id: 't2', kind: 'mule_network', members: ['e', 'f', 'g', 'h', 'i', 'j'] },
      { id: 't3', kind: 'mule_network', members: ['k', 'l', 'm'] },
    ],
  });

  it('matches rings at Jaccard >= 0.5 and compares member unions', () => {
    const flagged = [
      ['a', 'b', 'c', 'x'], // J = 3/5 with t1: match
      ['e', 'f', 'g', 'y', 'z', 'w'], // J = 3/9 with t2: no match
      ['q', 'r', 's'], // nothing
    ];
    const e = evaluateRings(flagged, truth);
    expect(e.rings).toEqual({
      precision: 1 / 3,
      recall: 1 / 3,
      f1: 1 / 3,
      flagged: 3,
      truth: 3,
      flaggedMatching: 1,
      truthFound: 1,
    });
    // flagged members 13, true members 13, correct a b c e f g = 6
    expect(e.members.correct).toBe(6);
    expect(e.members.precision).toBeCloseTo(6 / 13, 12);
    expect(e.members.recall).toBeCloseTo(6 / 13, 12);
    expect(e.byKind).toEqual({
      device_farm: { truth: 1, found: 1, recall: 1 },
      mule_network: { truth: 2, found: 0, recall: 0 },
    });
  });

  it('exactly half overlap counts as found; nothing flagged has precision 1 and recall 0', () => {
    const half = evaluateRings([['k', 'l', 'z', 'y']], truth);
    expect(half.rings.truthFound).toBe(0); // J = 2/5
    const exact = evaluateRings([['k', 'l', 'm', 'z', 'y', 'x']], truth);
    expect(exact.rings.truthFound).toBe(1); // J = 3/6
    const none = evaluateRings([], truth);
    expect(none.rings).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });

  it('rejects a malformed truth file', () => {
    expect(() => parseTruth({})).toThrow(/must hold/);
    expect(() => parseTruth({ rings: [{ id: 'x', members: [1] }] })).toThrow(/ring 1/);
  });
});

describe('ring output', () => {
  const ring: RingRecord = {
    ringId: 'ring-1',
    runId: 'run-1',
    score: 88.5,
    flagged: true,
    size: 3,
    members: ['=cmd', 'b', 'c,d'],
    features: {},
    evidence: [
      { text: '3 of 3 accounts used device d1', accounts: 3, value: 'd1', kind: 'shared_device' },
    ],
    status: 'new',
    parents: [],
  };

  it('JSON has the contract keys in a fixed order', () => {
    expect(JSON.stringify(ringsDocument('run-1', [ring]))).toBe(
      '{"run_id":"run-1","rings":[{"ring_id":"ring-1","score":88.5,"size":3,"members":["=cmd","b","c,d"],' +
        '"evidence":[{"kind":"shared_device","value":"d1","accounts":3,"text":"3 of 3 accounts used device d1"}],"status":"new"}]}',
    );
  });

  it('CSV is RFC 4180 quoted and formula-safe', () => {
    expect(ringsCsv('run-1', [ring])).toBe(
      'run_id,ring_id,score,size,status,flagged,members,evidence\r\n' +
        `run-1,ring-1,88.5,3,new,true,"'=cmd;b;c,d",3 of 3 accounts used device d1\r\n`,
    );
  });
});
