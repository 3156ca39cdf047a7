/**
 * Issue 3's special rules, enforced in the core whatever the caller (CLI or API):
 * no attachment ever on the indecent-images form; immediate risk makes a concern urgent; the
 * professional contact log is sealed like a concern but listed apart.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import type { Session } from '../../src/session';
import { cliJson, runCli } from './support/cli';
import {
  contactAnswers,
  leadOpens,
  makeSchool,
  writeAnswers,
  type SchoolFixture,
  openStaffDesk,
} from './support/school';

const IMAGES = 'indecent-images-or-illegal-activity';
const imagesAnswers = (extra: Record<string, unknown> = {}) => ({
  description: 'A pupil said an older boy was sent a picture.',
  imageLocation: "On the pupil's phone, in a group chat",
  deviceHolder: 'Mrs Office, locked in the safe',
  deviceSecured: 'secured-not-examined',
  whoHasSeen: 'Two pupils in the group chat',
  whatHappened: 'A pupil came to me at break and told me.',
  whenNoticed: '2026-11-23T10:15:00Z',
  platform: 'snapchat',
  peopleInvolved: [{ name: 'Pupil B', role: 'pupil' }],
  immediateRisk: false,
  ...extra,
});

describe('special rules in the core', () => {
  let school: SchoolFixture;
  let desk: Session;

  beforeAll(async () => {
    school = await makeSchool();
    desk = await openStaffDesk(school);
  });
  afterAll(async () => {
    desk.close();
    await school.cleanup();
  });

  it('refuses any attachment on the indecent-images form through the CLI, filing nothing', async () => {
    await writeFile(join(school.root, 'image.png'), 'not to be copied');
    const file = await writeAnswers(
      school.root,
      imagesAnswers({ evidence: ['image.png'] }),
      'img.json',
    );
    const result = await runCli(school.staffHome, [
      'report',
      '--form',
      IMAGES,
      '--answers',
      file,
      '--reporter',
      'Sam',
      '--reporter-role',
      'Teacher',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^safeguard-desk: unknown fields: evidence\n$/);
    expect(await readdir(join(school.share, 'concerns'))).toEqual([]);
  });

  it('refuses any attachment on the indecent-images form through the API, under any field name', async () => {
    for (const field of ['evidence', 'description', 'screenshot']) {
      const result = await dispatch(desk.handlers, 'concerns.submit', {
        formId: IMAGES,
        answers: imagesAnswers({ [field]: [{ name: 'image.png', base64: 'aW1hZ2U=' }] }),
        reporter: { name: 'Sam', role: 'Teacher' },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'attachments-forbidden' } });
    }
    expect(await readdir(join(school.share, 'concerns'))).toEqual([]);
  });

  it('files the indecent-images form without attachments, as urgent by default', async () => {
    const result = await dispatch(desk.handlers, 'concerns.submit', {
      formId: IMAGES,
      answers: imagesAnswers(),
      reporter: { name: 'Sam', role: 'Teacher' },
    });
    expect(result).toMatchObject({
      ok: true,
      value: { urgent: true, kind: 'concern', delivered: true },
    });
  });

  it('marks a normally non-urgent concern urgent when a child is at immediate risk', async () => {
    const base = {
      formId: 'breach-of-confidentiality',
      reporter: { name: 'Sam', role: 'Teacher' },
    };
    const answers = { ...contactAnswers(), linkOrHandle: '@someone' };
    const calm = await dispatch(desk.handlers, 'concerns.submit', {
      ...base,
      answers: { ...answers, immediateRisk: false },
    });
    const risk = await dispatch(desk.handlers, 'concerns.submit', {
      ...base,
      answers: { ...answers, immediateRisk: true },
    });
    expect(calm).toMatchObject({ ok: true, value: { urgent: false } });
    expect(risk).toMatchObject({ ok: true, value: { urgent: true } });
  });

  it('carries urgency to the DSL, and lists the contact log apart from concerns', async () => {
    const log = await writeAnswers(
      school.root,
      {
        contactDate: '2026-11-20T15:00:00Z',
        platform: 'school-approved-platform',
        withWhom: [{ name: 'Pupil C', role: 'pupil' }],
        purpose: 'Homework question',
        contentSummary: 'Pupil asked about the maths homework; I pointed them to the class page.',
      },
      'log.json',
    );
    const receipt = await cliJson<{ kind: string; urgent: boolean }>(school.staffHome, [
      'report',
      '--form',
      'professional-online-contact-log',
      '--answers',
      log,
      '--reporter',
      'Sam',
      '--reporter-role',
      'Teacher',
    ]);
    expect(receipt).toMatchObject({ kind: 'contact-log', urgent: false });

    await cliJson(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);
    const cases = await cliJson<Array<{ formId: string; kind: string; urgency: string }>>(
      school.dslHome,
      ['lead', 'list', '--passphrase-file', school.passphraseFile],
    );
    expect(cases.filter((c) => c.kind === 'contact-log').map((c) => c.formId)).toEqual([
      'professional-online-contact-log',
    ]);
    expect(cases.filter((c) => c.kind === 'concern' && c.urgency === 'urgent')).toHaveLength(2);
    const text = await runCli(school.dslHome, [
      'lead',
      'list',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    const [concerns, logs] = text.stdout.split('Professional online contact log:');
    expect(concerns).not.toContain('professional-online-contact-log');
    expect(logs).toContain('professional-online-contact-log');
    expect(concerns).toContain('URGENT');
  });

  it('lists receipts for the reporter with type and status, never content', async () => {
    const lead = { home: school.dslHome, passphraseFile: school.passphraseFile };
    const [first] = await cliJson<Array<{ reference: string }>>(lead.home, [
      'lead',
      'list',
      '--passphrase-file',
      lead.passphraseFile,
    ]);
    await leadOpens(lead, first?.reference ?? '');
    const result = await dispatch(desk.handlers, 'receipts.list', undefined);
    expect(result.ok).toBe(true);
    const rows = (result.ok ? result.value : []) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'createdAt',
        'formId',
        'formTitle',
        'kind',
        'profileWarning',
        'reference',
        'status',
      ]);
      expect(['queued', 'delivered', 'acknowledged']).toContain(row.status);
    }
    // Only the case the lead opened is acknowledged; the others were imported, not opened.
    expect(rows.filter((r) => r.status === 'acknowledged').map((r) => r.reference)).toEqual([
      first?.reference,
    ]);
  });
});
