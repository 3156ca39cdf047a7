/**
 * The set-up of one simulated school (tests/node/support/trust.ts), through the core as the CLI
 * does it: the DSL sets the school up on a share folder, adds a deputy and a headteacher with
 * identity files and one-time passphrases, each joins with a passphrase of their own, and a staff
 * machine enrols. Then each lead's workspace is opened (scrypt) on the simulation's clock.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../src/casework';
import { joinAsLead } from '../../../src/lead';
import { addRecipient, initSchool, oneTimePassphrase } from '../../../src/school';
import { currentProfile } from '../../../src/school/changes';
import type { SchoolProfile } from '../../../src/school/profile';
import { enrol, openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';

export const ROLES = ['dsl', 'deputy', 'headteacher'] as const;
export type Role = (typeof ROLES)[number];
const NAMES: Record<Role, string> = {
  dsl: 'Ellie Shea',
  deputy: 'Dan Deputy',
  headteacher: 'Hana Head',
};
const PASSPHRASES: Record<Role, string> = {
  dsl: 'quartz lantern meadow 41 bicycle',
  deputy: 'copper orchard violin 73 harbour',
  headteacher: 'pebble thunder saffron 29 glacier',
};

/** A lead of the school, unlocked, with the cases its store holds. */
export interface Lead {
  role: Role;
  home: string;
  ws: Workspace;
  profile: SchoolProfile;
  cases: string[];
}

/** Opens a lead's workspace on the week's clock, with the school profile as it stands now. */
export async function openLead(role: Role, home: string, now: () => Date): Promise<Lead> {
  const keyProvider = new UnprotectedFileKeyProvider(home);
  const staff = await openStaffStore(home, keyProvider);
  let profile: SchoolProfile;
  try {
    profile = await currentProfile(staff, new Date());
  } finally {
    staff.close();
  }
  const ws = await openWorkspace({ home, keyProvider, passphrase: PASSPHRASES[role], now });
  // The deputy joined before the head was added: the roster follows the profile, as at import.
  ws.profileChanged(profile);
  return { role, home, ws, profile, cases: [] };
}

/** The school, its DSL, a deputy and a head who joined with their identity files, and staff. */
export async function setUp(root: string, name: string): Promise<Record<Role | 'staff', string>> {
  const share = join(root, 'share');
  await mkdir(share, { recursive: true });
  const homes = {
    dsl: join(root, 'dsl'),
    deputy: join(root, 'deputy'),
    headteacher: join(root, 'head'),
    staff: join(root, 'staff'),
  };
  const dsl = { home: homes.dsl, keyProvider: new UnprotectedFileKeyProvider(homes.dsl) };
  await initSchool({
    ...dsl,
    sharePath: share,
    schoolName: name,
    leadName: NAMES.dsl,
    passphrase: PASSPHRASES.dsl,
  });
  for (const role of ['deputy', 'headteacher'] as const) {
    const oneTime = oneTimePassphrase();
    const identityFile = join(root, `${role}.identity.age`);
    await addRecipient({
      ...dsl,
      passphrase: PASSPHRASES.dsl,
      role,
      name: NAMES[role],
      newPassphrase: oneTime,
      identityOut: identityFile,
    });
    await joinAsLead({
      home: homes[role],
      keyProvider: new UnprotectedFileKeyProvider(homes[role]),
      identityFile,
      sharePath: share,
      passphrase: oneTime,
      newPassphrase: PASSPHRASES[role],
    });
  }
  const staff = await openStaffStore(homes.staff, new UnprotectedFileKeyProvider(homes.staff));
  try {
    await enrol(staff, share, new Date());
  } finally {
    staff.close();
  }
  return homes;
}
