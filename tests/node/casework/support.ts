/** A school with a filed and imported concern, and the DSL's workspace open on it. */
import { cliJson } from '../support/cli';
import { openWorkspace, type Workspace } from '../../../src/casework';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

export interface CaseworkFixture {
  school: SchoolFixture;
  reference: string;
  caseId: string;
  open(): Promise<Workspace>;
}

/** Files one concern (about Mr Example and Pupil A) and imports it into the DSL's store. */
export async function caseworkFixture(
  answers: Record<string, unknown> = contactAnswers(),
): Promise<CaseworkFixture> {
  const school = await makeSchool();
  const file = await writeAnswers(school.root, answers);
  const { reference } = await cliJson<{ reference: string }>(school.staffHome, reportArgs(file));
  await cliJson(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);
  const open = () =>
    openWorkspace({
      home: school.dslHome,
      keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
      passphrase: PASSPHRASE,
    });
  const workspace = await open();
  const caseId = workspace.casework.caseIdOf(reference);
  workspace.close();
  return { school, reference, caseId, open };
}

/** Files another concern and imports it; returns its reference. */
export async function fileAndImport(
  school: SchoolFixture,
  answers: Record<string, unknown>,
  extraArgs: string[] = [],
): Promise<string> {
  const file = await writeAnswers(school.root, answers, `answers-${Date.now()}.json`);
  const { reference } = await cliJson<{ reference: string }>(school.staffHome, [
    ...reportArgs(file),
    ...extraArgs,
  ]);
  await cliJson(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);
  return reference;
}

/** Runs `lead …` commands as one lead (their home and passphrase file), parsing the JSON. */
export const leadCommands =
  (home: string, passphraseFile: string) =>
  <T>(...args: string[]): Promise<T> =>
    cliJson<T>(home, ['lead', ...args, '--passphrase-file', passphraseFile]);

/** Each step of a test with several leads runs many CLI commands, each unlocking (scrypt). */
export const CLI_HEAVY = 300_000;
