/** The bench's school: a real share folder, a DSL home and one enrolled staff home, via the core. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { initSchool } from '../src/school';
import { enrol, openStaffStore, type StaffStore } from '../src/staff';
import { UnprotectedFileKeyProvider } from '../src/storage/key-provider';

export const PASSPHRASE = 'bench passphrase, long enough';

export interface BenchSchool {
  share: string;
  dslHome: string;
  staffHome: string;
  /** The enrolled staff machine's store, open; the caller closes it. */
  staff: StaffStore;
}

/** Sets a school up in `root` and enrols a staff machine with it. */
export async function benchSchool(root: string): Promise<BenchSchool> {
  const share = join(root, 'share');
  const dslHome = join(root, 'dsl');
  const staffHome = join(root, 'staff');
  await mkdir(share);
  await initSchool({
    home: dslHome,
    keyProvider: new UnprotectedFileKeyProvider(dslHome),
    sharePath: share,
    schoolName: 'Bench Primary',
    leadName: 'Ellie Shea',
    passphrase: PASSPHRASE,
  });
  const staff = await openStaffStore(staffHome, new UnprotectedFileKeyProvider(staffHome));
  await enrol(staff, share, new Date());
  return { share, dslHome, staffHome, staff };
}
