import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeDesks,
  folderState,
  freshDesk,
  leadFixture,
  putFile,
  REASONS,
  runImport,
  type LeadFixture,
} from './support';

let lead: LeadFixture;

beforeAll(async () => {
  lead = await leadFixture();
});

afterAll(async () => {
  await lead.school.cleanup();
});

afterEach(closeDesks);

describe('the local quarantine', () => {
  it('records a failed file with its code, reason and when it was seen', async () => {
    const desk = await freshDesk(lead);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, 'garbage');

    await runImport(desk, new Date('2026-03-01T09:00:00.000Z'));

    expect(desk.cases.quarantine.list()).toEqual([
      {
        file,
        code: 'corrupt',
        reason: REASONS.corruptAge,
        firstSeen: '2026-03-01T09:00:00.000Z',
        lastSeen: '2026-03-01T09:00:00.000Z',
      },
    ]);
  });

  it('does not read a quarantined file again while its size and time are unchanged', async () => {
    const desk = await freshDesk(lead);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, 'garbage');
    await runImport(desk, new Date('2026-03-01T09:00:00.000Z'));
    const before = await folderState(desk.concerns);

    const again = await runImport(desk, new Date('2026-03-02T09:00:00.000Z'));

    expect(again.quarantined).toEqual([]);
    expect(again.inQuarantine).toBe(1);
    expect(desk.cases.quarantine.list()).toEqual([
      expect.objectContaining({
        file,
        firstSeen: '2026-03-01T09:00:00.000Z',
        lastSeen: '2026-03-01T09:00:00.000Z',
      }),
    ]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('looks again at a quarantined file once it changes, keeping its first sighting', async () => {
    const desk = await freshDesk(lead);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, 'garbage');
    await runImport(desk, new Date('2026-03-01T09:00:00.000Z'));
    await putFile(desk.concerns, file, 'other garbage, longer');

    const again = await runImport(desk, new Date('2026-03-02T09:00:00.000Z'));

    expect(again.quarantined).toEqual([{ file, code: 'corrupt', reason: REASONS.corruptAge }]);
    expect(desk.cases.quarantine.list()).toEqual([
      expect.objectContaining({
        file,
        firstSeen: '2026-03-01T09:00:00.000Z',
        lastSeen: '2026-03-02T09:00:00.000Z',
      }),
    ]);
  });
});
