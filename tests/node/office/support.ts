/**
 * A real school for the extract tests: set up through the CLI, an office user added by the DSL with
 * an age key the test holds (the office identity module is not needed for that), concerns filed on
 * the staff machine at chosen times and imported into the DSL's store, and the DSL's workspace open
 * on a clock the test moves, so every event has the time the test gives it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importConcerns, openWorkspace, type Workspace } from '../../../src/casework';
import { fileConcern } from '../../../src/concerns';
import { generateAgeKeyPair, type AgeKeyPair } from '../../../src/crypto';
import { FormRegistry } from '../../../src/forms';
import { addRecipient } from '../../../src/school';
import { currentProfile } from '../../../src/school/changes';
import type { SchoolProfile } from '../../../src/school/profile';
import { openShare, type Share } from '../../../src/share';
import { openStaffStore, type StaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { makeSchool, PASSPHRASE, type SchoolFixture } from '../support/school';

export interface ExtractSchool {
  school: SchoolFixture;
  share: Share;
  /** The DSL's workspace, on the test's clock. */
  workspace: Workspace;
  /** The time every change is recorded at; set it before each step. */
  clock: { now: Date };
  /** Files a concern on the staff machine at `at`, imports it; returns its reference and id. */
  file(input: FileInput): Promise<{ reference: string; caseId: string }>;
  /** Adds an office user with a fresh age key; returns the key and a file holding the identity. */
  addOffice(name?: string): Promise<{ key: AgeKeyPair; identityFile: string }>;
  /** The school profile as the DSL's computer trusts it now. */
  profile(): Promise<SchoolProfile>;
  close(): Promise<void>;
}

export interface FileInput {
  formId: string;
  answers: Record<string, unknown>;
  reporter: { name: string; role: string };
  at: string;
}

/** Sets the school up (no office user yet) and opens the DSL's workspace on a clock. */
export async function extractSchool(name?: string): Promise<ExtractSchool> {
  const school = await makeSchool(name);
  const forms = FormRegistry.builtIn();
  const clock = { now: new Date('2026-04-01T09:00:00Z') };
  const dslKeys = new UnprotectedFileKeyProvider(school.dslHome);
  const staff: StaffStore = await openStaffStore(
    school.staffHome,
    new UnprotectedFileKeyProvider(school.staffHome),
  );
  const workspace = await openWorkspace({
    home: school.dslHome,
    keyProvider: dslKeys,
    passphrase: PASSPHRASE,
    now: () => clock.now,
  });
  const share = openShare(school.share);
  let offices = 0;
  const profile = async () => {
    const dslStaff = await openStaffStore(school.dslHome, dslKeys);
    try {
      return await currentProfile(dslStaff, new Date());
    } finally {
      dslStaff.close();
    }
  };
  return {
    school,
    share,
    workspace,
    clock,
    async file(input) {
      const at = new Date(input.at);
      const receipt = await fileConcern(
        { store: staff, forms, now: () => at },
        { formId: input.formId, answers: input.answers, reporter: input.reporter },
      );
      if (!receipt.delivered) throw new Error('The concern was not delivered to the share.');
      await importConcerns({
        store: workspace.store,
        forms,
        secrets: workspace.secrets,
        calendar: workspace.calendar,
        now: () => at,
      });
      return {
        reference: receipt.reference,
        caseId: workspace.casework.caseIdOf(receipt.reference),
      };
    },
    async addOffice(officeName = 'Olive Office') {
      const key = await generateAgeKeyPair();
      await addRecipient({
        home: school.dslHome,
        keyProvider: dslKeys,
        passphrase: PASSPHRASE,
        role: 'office',
        name: officeName,
        ageRecipient: key.recipient,
      });
      const identityFile = join(school.root, `office-${++offices}.identity.txt`);
      await writeFile(identityFile, `${key.identity}\n`, { mode: 0o600 });
      workspace.profileChanged(await profile());
      return { key, identityFile };
    },
    profile,
    async close() {
      workspace.close();
      staff.close();
      await school.cleanup();
    },
  };
}

/** Answers for the forms with the usual questions (whatHappened, platform, people…). */
export function answers(
  whatHappened: string,
  people: Array<{ name: string; role: string; detail?: string }>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    whatHappened,
    whenNoticed: '2026-04-01T08:00:00Z',
    platform: 'snapchat',
    peopleInvolved: people,
    immediateRisk: false,
    ...overrides,
  };
}

/** A share record for an external action (what was shared, why, on what consent). */
export function shared(what: string) {
  return {
    what,
    why: 'The threshold is met',
    consent: 'not-needed' as const,
    consentReasoning: 'Statutory duty',
  };
}
