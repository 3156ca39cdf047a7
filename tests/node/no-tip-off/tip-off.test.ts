/**
 * Issue 6 B7: nobody is tipped off. When a concern about the DSL is filed, the DSL's import says
 * nothing of it — in text, JSON, the quarantine or the case list: what the DSL sees is exactly
 * what they would see had it never been filed. A headteacher's list does not fill with every
 * routine concern either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';

let school: SchoolFixture;
let head: JoinedRecipient;
let answers: string;

beforeAll(async () => {
  school = await makeSchool();
  await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  head = await addJoinedRecipient(school, 'headteacher', 'Hana Head');
  answers = await writeAnswers(school.root, contactAnswers());
});
afterAll(async () => school.cleanup());

/** Everything the DSL can learn from the command line: import (text and JSON), quarantine, list. */
async function whatTheDslSees() {
  const pass = ['--passphrase-file', school.passphraseFile];
  const text = await runCli(school.dslHome, ['lead', 'import', ...pass]);
  const json = await runCli(school.dslHome, ['lead', 'import', '--json', ...pass]);
  const quarantine = await runCli(school.dslHome, ['lead', 'quarantine', ...pass]);
  const quarantineJson = await runCli(school.dslHome, ['lead', 'quarantine', '--json', ...pass]);
  const list = await runCli(school.dslHome, ['lead', 'list', '--json', ...pass]);
  return {
    text: text.stdout + text.stderr,
    json: json.stdout,
    quarantine: quarantine.stdout,
    quarantineJson: quarantineJson.stdout,
    list: list.stdout,
  };
}

describe('a concern about the DSL', () => {
  // Fifteen CLI runs, ten of them unlocking the DSL (scrypt, ~1.3 s each alone): a minute on a
  // loaded 2-core CI machine, so it has more than the default minute.
  it('leaves no trace in anything the DSL sees', { timeout: 180_000 }, async () => {
    await cliJson(school.staffHome, reportArgs(answers));
    await whatTheDslSees(); // takes the routine concern in
    const before = await whatTheDslSees();

    await cliJson(school.staffHome, [...reportArgs(answers), '--about', 'Ellie Shea']);
    const after = await whatTheDslSees();

    expect(after).toEqual(before);
    expect(after.text).toBe('Imported 0 new concern(s); 1 already imported.\n');
    expect(after.quarantine).toBe('Nothing is quarantined.\n');
    expect(after.text + after.json + after.quarantine).not.toMatch(
      /sealed to other|not addressed/i,
    );
  });

  it('reaches the head, whose list holds only what was sealed to them', async () => {
    const pass = ['--passphrase-file', head.passphraseFile];
    await cliJson(school.staffHome, reportArgs(answers)); // routine: DSL and deputy only

    const result = await cliJson<{ imported: number; quarantined: unknown[] }>(head.home, [
      'lead',
      'import',
      ...pass,
    ]);

    expect(result.imported).toBe(1);
    expect(result.quarantined).toEqual([]);
    expect(await cliJson(head.home, ['lead', 'quarantine', ...pass])).toEqual([]);
    expect(await cliJson<unknown[]>(head.home, ['lead', 'list', ...pass])).toHaveLength(1);
  });
});
