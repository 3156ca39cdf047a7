/**
 * First run: the welcome screen's operations over the core. Each answers `already-set-up` once
 * this computer is enrolled or holds a lead identity, and they run one at a time, so a double
 * click cannot set a school up twice. When one succeeds the session is told, and starts using the
 * new state at once (background delivery; the lead role) without a restart.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlersOf } from '../contract';
import { MAX_IDENTITY_FILE_BYTES } from '../contract/setup';
import { roleLabel, roleReceives } from '../../concerns';
import { SafeguardError } from '../../errors';
import { localStorageError } from '../../files';
import { hasOfficeIdentity } from '../../office/identity';
import { assessNewPassphrase, hasLeadIdentity, joinAsLead } from '../../lead';
import {
  initSchool,
  localSharePath,
  prepareNewShare,
  requireFullFolderPath,
  verifyProfile,
} from '../../school';
import { enrol, previewEnrolment, type StaffStore } from '../../staff';
import type { KeyProvider } from '../../storage/key-provider';

/** How far this computer is set up: nothing yet, enrolled as a staff computer, a lead's, an office user's. */
export type SetUpState = 'nothing' | 'staff' | 'lead' | 'office';

/** Whether this computer (this user's home) is set up, and as what. */
export function setUpState(home: string, store: StaffStore): SetUpState {
  if (hasLeadIdentity(home)) return 'lead';
  if (hasOfficeIdentity(home)) return 'office';
  return store.enrolment() === null ? 'nothing' : 'staff';
}

export interface SetupDeps {
  home: string;
  keyProvider: KeyProvider;
  store: StaffStore;
  /** Opens a folder dialog and answers the chosen path (the app); absent in the web host. */
  pickFolder?: (() => Promise<string | null>) | undefined;
  /** The share IT configured for this computer, offered to staff; null when there is none. */
  suggestedShare?: string | null | undefined;
  /** Told after this computer has been set up, so the session starts using it. */
  onSetUp: () => void;
}

type SetupOperation =
  | 'setup.options'
  | 'setup.passphraseStrength'
  | 'setup.pickFolder'
  | 'setup.createSchool'
  | 'setup.previewShare'
  | 'setup.connect'
  | 'setup.joinAsLead';

/** The first-run operations, refused once this computer is set up. */
export function setupHandlers(deps: SetupDeps): HandlersOf<SetupOperation> {
  const { home, keyProvider, store } = deps;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after any set-up under way, and only while nothing is set up. */
  const whileNothingSetUp = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      if (setUpState(home, store) !== 'nothing') {
        throw new SafeguardError(
          'already-set-up',
          'This computer is already set up, so it cannot be set up again from here.',
        );
      }
      return work();
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    'setup.options': () =>
      whileNothingSetUp(() =>
        Promise.resolve({
          localShare: localSharePath(home),
          canPickFolder: deps.pickFolder !== undefined,
          suggestedShare: deps.suggestedShare ?? null,
        }),
      ),

    'setup.passphraseStrength': ({ passphrase, context }) =>
      whileNothingSetUp(async () => {
        const { strength, refusal } = await assessNewPassphrase(passphrase, context ?? {});
        // "Acceptable" means set-up would take it: hard to guess, and typed the same way again.
        return { ...strength, acceptable: refusal === null, refusal: refusal?.message ?? null };
      }),

    'setup.pickFolder': () =>
      whileNothingSetUp(async () => {
        if (deps.pickFolder === undefined) {
          throw new SafeguardError(
            'unsupported',
            "A folder cannot be chosen from a dialog here: type the folder's full path instead.",
          );
        }
        return { path: await deps.pickFolder() };
      }),

    'setup.createSchool': (input) =>
      whileNothingSetUp(async () => {
        // Refused before anything is made, even the local share folder.
        const { refusal } = await assessNewPassphrase(input.passphrase, input);
        if (refusal !== null) throw refusal;
        const sharePath = await prepareNewShare(home, input.share);
        const result = await initSchool({
          home,
          keyProvider,
          sharePath,
          schoolName: input.schoolName,
          leadName: input.leadName,
          passphrase: input.passphrase,
        });
        deps.onSetUp();
        return {
          schoolName: input.schoolName.trim(),
          sharePath,
          safetyCode: result.safetyCode,
          recoveryKey: result.recoveryKey,
        };
      }),

    'setup.previewShare': ({ share }) =>
      whileNothingSetUp(() => previewEnrolment(requireFullFolderPath(share))),

    'setup.connect': ({ share, safetyCode }) =>
      whileNothingSetUp(async () => {
        const enrolled = await enrol(store, requireFullFolderPath(share), new Date(), {
          expectedSafetyCode: safetyCode,
          expectedFrom: 'shown',
        });
        deps.onSetUp();
        return { schoolName: enrolled.schoolName, safetyCode: enrolled.safetyCode };
      }),

    'setup.joinAsLead': (input) =>
      whileNothingSetUp(async () => {
        const sharePath = requireFullFolderPath(input.share);
        const bytes = Buffer.from(input.identityFile.base64, 'base64');
        if (bytes.byteLength > MAX_IDENTITY_FILE_BYTES) {
          throw new SafeguardError(
            'bad-identity-file',
            'That file is far larger than an identity file: choose the file your safeguarding lead gave you.',
          );
        }
        const joined = await withIdentityFile(home, bytes, (identityFile) =>
          joinAsLead({
            home,
            keyProvider,
            identityFile,
            sharePath,
            passphrase: input.passphrase,
            newPassphrase: input.newPassphrase,
          }),
        );
        deps.onSetUp();
        const enrolment = store.enrolment();
        const profile = enrolment === null ? null : verifyProfile(enrolment.profileJson).profile;
        const me = profile?.recipients.find((r) => r.id === joined.recipientId);
        return {
          schoolName: profile?.schoolName ?? '',
          safetyCode: joined.safetyCode,
          name: me?.name ?? '',
          role: joined.role,
          roleLabel: roleLabel(joined.role),
          receives: roleReceives(joined.role),
          recoveryKey: joined.recoveryKey,
        };
      }),
  };
}

/**
 * The identity file's bytes as a file for `joinAsLead`, in a private folder of this user's home,
 * removed afterwards. The file is sealed with its one-time passphrase, so it is safe at rest too.
 */
async function withIdentityFile<T>(
  home: string,
  bytes: Uint8Array,
  work: (file: string) => Promise<T>,
): Promise<T> {
  let folder: string;
  try {
    folder = await mkdtemp(join(home, '.joining-'));
    await writeFile(join(folder, 'identity.age'), bytes, { mode: 0o600 });
  } catch (error) {
    throw localStorageError(error) ?? error;
  }
  try {
    return await work(join(folder, 'identity.age'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
