import { createHash, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../src/casework';
import { generateAgeKeyPair, sealToRecipients } from '../../../src/crypto';
import { cliJson, runCli } from '../support/cli';
import { contactAnswers, makeSchool, writeAnswers, type SchoolFixture } from '../support/school';
import { core, folderState, FORM_ID, forms, putFile, REASONS } from './support';

describe('lead import through the CLI', () => {
  let fixture: SchoolFixture | undefined;

  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  async function reportViaCli(s: SchoolFixture, answers: unknown = contactAnswers()) {
    const file = await writeAnswers(s.root, answers);
    return cliJson<{ reference: string; delivered: boolean }>(s.staffHome, [
      'report',
      '--form',
      FORM_ID,
      '--answers',
      file,
      '--reporter',
      'Sam Teacher',
      '--reporter-role',
      'Class teacher',
    ]);
  }

  function leadCli<T>(s: SchoolFixture, args: string[]): Promise<T> {
    return cliJson<T>(s.dslHome, ['lead', ...args, '--passphrase-file', s.passphraseFile]);
  }

  it('reports {"imported": n, "quarantined": [{file, code, reason}]} with --json and leaves the share as it was', async () => {
    const s = (fixture = await makeSchool());
    expect((await reportViaCli(s)).delivered).toBe(true);
    const concerns = join(s.share, 'concerns');
    const corrupt = await putFile(concerns, `${randomUUID()}.age`, 'not age\n');
    const stranger = await generateAgeKeyPair();
    const elsewhere = await putFile(
      concerns,
      `${randomUUID()}.age`,
      await sealToRecipients(Buffer.from('{}'), [stranger.recipient]),
    );
    await putFile(concerns, 'notes.txt', 'ignored');
    const before = await folderState(concerns);

    const result = await leadCli<ImportResult>(s, ['import']);

    expect(result).toEqual({
      imported: 1,
      alreadyImported: 0,
      quarantined: [{ file: corrupt, code: 'corrupt', reason: REASONS.corruptAge }],
      inQuarantine: 1,
      // Imported, not opened: nobody is told "opened" yet.
      acknowledgements: { written: 0, owed: 0, error: null },
      // No other lead, and nothing recorded yet: no casework events either way.
      events: {
        received: { files: 0, events: 0, cases: [], quarantined: [] },
        shared: 0,
        delivered: { delivered: 0, files: 0, pending: 0, error: null },
      },
    });
    expect(JSON.stringify(result)).not.toContain(elsewhere);
    expect(await folderState(concerns)).toEqual(before);
  });

  it('prints each quarantined file and its reason without --json', async () => {
    const s = (fixture = await makeSchool());
    const file = await putFile(join(s.share, 'concerns'), `${randomUUID()}.age`, 'not age\n');

    const result = await runCli(s.dslHome, [
      'lead',
      'import',
      '--passphrase-file',
      s.passphraseFile,
    ]);

    expect(result).toEqual({
      code: 0,
      stdout: `Imported 0 new concern(s); 0 already imported.\nQuarantined ${file}: ${REASONS.corruptAge}\n1 file(s) are in quarantine in all: "lead quarantine" lists them.\n`,
      stderr: '',
    });
  });

  it('imports nothing new when lead import runs twice, and the case list keeps one case', async () => {
    const s = (fixture = await makeSchool());
    const { reference } = await reportViaCli(s);
    await leadCli(s, ['import']);

    const again = await leadCli<ImportResult>(s, ['import']);

    expect(core(again)).toEqual({ imported: 0, alreadyImported: 1, quarantined: [] });
    const cases = await leadCli<Array<{ reference: string }>>(s, ['list']);
    expect(cases.map((c) => c.reference)).toEqual([reference]);
  });

  it("shows every answer of an imported concern and its attachments' SHA-256 with lead show --json", async () => {
    const s = (fixture = await makeSchool());
    const screenshot = Buffer.from('89504e470d0a1a0a-not-really-a-png', 'utf8');
    await writeFile(join(s.root, 'chat.png'), screenshot);
    const sha256 = createHash('sha256').update(screenshot).digest('hex');
    const answers = contactAnswers({
      yourView: 'It felt secretive.',
      linkOrHandle: '@mr_example',
      evidence: ['chat.png'],
    });
    const { reference } = await reportViaCli(s, answers);
    await leadCli(s, ['import']);

    const shown = await leadCli<{
      reference: string;
      formId: string;
      formVersion: number;
      reporterName: string;
      reporterRole: string;
      answers: Record<string, unknown>;
      attachments: unknown[];
    }>(s, ['show', reference]);

    const meta = { name: 'chat.png', mediaType: 'image/png', size: screenshot.length, sha256 };
    expect(shown).toMatchObject({
      reference,
      formId: FORM_ID,
      formVersion: forms.latest(FORM_ID)?.version,
      reporterName: 'Sam Teacher',
      reporterRole: 'Class teacher',
    });
    expect(shown.answers).toEqual({ ...answers, evidence: [meta] });
    expect(shown.attachments).toEqual([{ fieldId: 'evidence', ...meta }]);
  });
});
