/**
 * The office user's browser fixture: a real school where the DSL adds an office user (the
 * identity file and one-time passphrase, as the School screen makes them), staff file concerns
 * from their computer (CLI), the DSL triages them, records actions and outcomes and publishes the
 * office figures through the same API the app uses, and the office user's computer starts with
 * nothing set up.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch } from '../../../src/api/dispatch';
import { openSession, type Session } from '../../../src/session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson } from '../../node/support/cli';
import {
  contactAnswers,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../../node/support/school';

export const OFFICE_NAME = 'Olu Office';

/** What the DSL gives an office user in person: the identity file and its one-time passphrase. */
export interface OfficeHandout {
  identityFile: string;
  oneTimePassphrase: string;
}

/** One concern and what the DSL does with it. */
export interface Casework {
  form: string;
  pathway: 'child-protection' | 'low-level' | 'early-help' | 'no-further-action';
  /** Done actions; external ones are recorded with what was shared and why. */
  actions: ReadonlyArray<'social-care-referral' | 'early-help' | 'parents-contacted' | 'other'>;
  /** Closed with this outcome, or left open. */
  outcome: 'resolved' | 'no-further-action' | null;
}

/** The DSL adds the office user with a new identity file, sealed with a one-time passphrase. */
export async function addOfficeUser(school: SchoolFixture): Promise<OfficeHandout> {
  const oneTimePassphrase = 'ochre 58 pylon harbour tundra';
  const oneTimeFile = join(school.root, 'office-one-time.txt');
  await writeFile(oneTimeFile, `${oneTimePassphrase}\n`);
  const identityFile = join(school.root, 'office.identity.age');
  await cliJson(school.dslHome, [
    'school',
    'add-recipient',
    '--role',
    'office',
    '--name',
    OFFICE_NAME,
    '--passphrase-file',
    school.passphraseFile,
    '--new-passphrase-file',
    oneTimeFile,
    '--identity-out',
    identityFile,
  ]);
  return { identityFile, oneTimePassphrase };
}

/** Files each concern from the staff computer (the real CLI); returns their references. */
export async function fileConcerns(
  school: SchoolFixture,
  plan: readonly Casework[],
): Promise<string[]> {
  const references: string[] = [];
  for (const [index, item] of plan.entries()) {
    const answers = await writeAnswers(school.root, contactAnswers(), `office-${index}.json`);
    const { reference } = await cliJson<{ reference: string }>(
      school.staffHome,
      reportArgs(answers, item.form),
    );
    references.push(reference);
  }
  return references;
}

async function call(session: Session, operation: string, input?: unknown): Promise<unknown> {
  const answer = await dispatch(session.handlers, operation, input);
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

const SHARED = {
  what: 'The concern and the school’s record of it.',
  why: 'To agree support for the child.',
  consent: 'not-needed',
  consentReasoning: 'Sharing to keep a child safe.',
} as const;

/**
 * The DSL, in a session of their own over their home (the API the app's Safeguarding area uses):
 * imports the concerns, triages each, records its actions and outcome, then publishes the office
 * figures now rather than waiting for the automatic publication.
 */
export async function workAndPublish(
  school: SchoolFixture,
  plan: readonly Casework[],
  references: readonly string[],
): Promise<void> {
  const dsl = await openSession({
    home: school.dslHome,
    keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
    machineFile: null,
  });
  try {
    await call(dsl, 'lead.unlock', { passphrase: PASSPHRASE });
    await call(dsl, 'lead.import');
    for (const [index, item] of plan.entries()) {
      const reference = references[index] ?? '';
      await call(dsl, 'lead.triage', {
        reference,
        pathway: item.pathway,
        priority: 'routine',
        assignedTo: null,
        reason: null,
        harmThreshold: null,
      });
      for (const type of item.actions) {
        const external = type === 'social-care-referral' || type === 'early-help';
        await call(dsl, 'lead.action', {
          reference,
          type,
          due: null,
          done: true,
          spokeTo: null,
          advice: null,
          nextSteps: null,
          result: null,
          share: external ? SHARED : null,
        });
      }
      if (item.outcome !== null) {
        await call(dsl, 'lead.close', { reference, outcome: item.outcome, reason: null });
      }
    }
    await call(dsl, 'lead.publishExtract');
  } finally {
    dsl.close();
  }
}
