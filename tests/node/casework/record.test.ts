/**
 * Issue 7 §1–2: casework is a record of signed events, folded into the case. The fold depends only
 * on the events, never on the order they were stored; the rules of the record hold (closing needs
 * the right kind of outcome, reopening a reason, a pathway against the harm threshold a reason, an
 * external share what/why/consent); an allegation starts the LADO clock; every event is signed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emptyCalendar,
  eventSignatureValid,
  foldCase,
  foldOrder,
  type EventBody,
  type Workspace,
} from '../../../src/casework';
import { publicKeyOf } from '../../../src/crypto';
import { caseworkFixture, type CaseworkFixture } from './support';

let fixture: CaseworkFixture;
let workspace: Workspace;

beforeAll(async () => {
  fixture = await caseworkFixture();
  workspace = await fixture.open();
});
afterAll(async () => {
  workspace?.close();
  await fixture?.school.cleanup();
});

const share = {
  what: 'The concern as filed',
  why: 'The harm threshold is met',
  consent: 'not-needed' as const,
  consentReasoning: 'An allegation against a member of staff',
};

function error(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('the case record', () => {
  it('starts new and untriaged, opens as an event, and triages with a reason when the threshold suggests otherwise', () => {
    const { casework } = workspace;
    const opened = casework.open(fixture.reference);
    expect(opened.state.status).toBe('new');
    expect(opened.state.opened).toBe(true);

    const refused = error(() =>
      casework.record(fixture.caseId, 'triaged', {
        pathway: 'low-level',
        priority: 'high',
        assignedTo: null,
        reason: null,
        harmThreshold: { harmed: false, offence: false, risk: true, unsuitable: false },
      }),
    );
    expect(refused).toMatchObject({
      code: 'reason-required',
      message: 'The harm-threshold answers suggest allegation: say why you chose low-level.',
    });

    casework.record(fixture.caseId, 'triaged', {
      pathway: 'allegation',
      priority: 'urgent',
      assignedTo: workspace.secrets.recipientId,
      reason: null,
      harmThreshold: { harmed: false, offence: false, risk: true, unsuitable: false },
    });
    const state = casework.state(fixture.caseId);
    expect(state.status).toBe('open');
    expect(state.triage).toMatchObject({ pathway: 'allegation', priority: 'urgent' });
    expect(state.lado).toMatchObject({ met: false });
  });

  it('refuses a LADO consultation recorded as done without what was shared, why and the consent', () => {
    const refused = error(() =>
      workspace.casework.record(fixture.caseId, 'action-recorded', {
        actionId: randomUUID(),
        type: 'lado-consultation',
        due: null,
        doneAt: new Date().toISOString(),
        spokeTo: 'LADO duty officer',
        advice: null,
        nextSteps: null,
        result: null,
        share: null,
      }),
    );
    expect(refused.code).toBe('share-required');
  });

  it('meets the LADO clock once the consultation is done, keeps notes apart as fact or opinion, and corrects by a new event', () => {
    const { casework } = workspace;
    casework.record(fixture.caseId, 'action-recorded', {
      actionId: randomUUID(),
      type: 'lado-consultation',
      due: null,
      doneAt: new Date().toISOString(),
      spokeTo: 'LADO duty officer',
      advice: 'Do not investigate; strategy meeting tomorrow',
      nextSteps: null,
      result: null,
      share,
    });
    const note = casework.record(fixture.caseId, 'note-added', {
      text: 'Head informed at 14:00',
      kind: 'fact',
    });
    casework.record(fixture.caseId, 'note-added', { text: 'Seems worried', kind: 'opinion' });
    casework.record(fixture.caseId, 'corrected', {
      corrects: note.event.eventId,
      reason: 'Wrong time',
      replacement: { text: 'Head informed at 14:30' },
    });

    const state = casework.state(fixture.caseId);
    expect(state.lado).toMatchObject({ met: true, overdue: false });
    expect(state.notes.map((n) => [n.kind, n.text, n.corrected])).toEqual([
      ['fact', 'Head informed at 14:30', true],
      ['opinion', 'Seems worried', false],
    ]);
    expect(state.timeline.filter((e) => e.type === 'note-added')).toHaveLength(2);
  });

  it('closes an allegation only with an allegation outcome, flags a malicious one, and reopens only with a reason', () => {
    const { casework } = workspace;
    expect(
      error(() => casework.record(fixture.caseId, 'closed', { outcome: 'resolved', reason: null }))
        .code,
    ).toBe('wrong-outcome');
    casework.record(fixture.caseId, 'closed', { outcome: 'malicious', reason: null });
    expect(casework.state(fixture.caseId)).toMatchObject({
      status: 'closed',
      outcome: 'malicious',
      flaggedForRemoval: true,
    });
    expect(
      error(() => casework.record(fixture.caseId, 'note-added', { text: 'late', kind: 'fact' }))
        .code,
    ).toBe('case-closed');
    expect(error(() => casework.record(fixture.caseId, 'reopened', { reason: '' })).code).toBe(
      'invalid-input',
    );
    casework.record(fixture.caseId, 'reopened', { reason: 'New information from the LADO' });
    expect(casework.state(fixture.caseId)).toMatchObject({ status: 'open', outcome: null });
  });

  it('signs every event with the lead’s key', () => {
    const key = publicKeyOf(workspace.secrets.signingKey);
    const rows = workspace.store.events.all();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      const event = JSON.parse(row.bodyJson) as EventBody;
      expect(eventSignatureValid({ event, signature: row.signature }, key)).toBe(true);
    }
  });

  it('folds to the same case whatever order the events are given in', () => {
    const events = workspace.store.events.forCase(fixture.caseId);
    const now = new Date();
    const expected = foldCase(events, { calendar: emptyCalendar, now });
    for (let trial = 0; trial < 20; trial++) {
      const shuffled = [...events].sort(() => Math.random() - 0.5);
      expect(foldCase(shuffled, { calendar: emptyCalendar, now })).toEqual(expected);
    }
    expect(foldOrder([...events].reverse())).toEqual(foldOrder(events));
  });
});
