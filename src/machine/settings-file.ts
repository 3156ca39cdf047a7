/**
 * IT's machine-wide settings (docs/machine-settings.md): one small JSON file per computer, written
 * by IT at deployment (an MSI property, a Group Policy file copy, a config-management tool), naming
 * the school share and the safety code on the staff-room poster:
 *
 *   {"share": "\\\\server\\safeguarding\\Safeguard Desk", "safetyCode": "7KQ2-M9XD-4HRT"}
 *
 * Any user on the computer may read it, so it holds nothing secret; but it decides, silently, which
 * share every user's first start enrols with, so only administrators may be able to change it: on
 * Linux and macOS a file (or folder) that another user could write is refused; on Windows the
 * folder's permissions are IT's to set (docs/machine-settings.md). It is read bounded (a regular
 * file of at most 16 KiB); what is wrong with it is said without quoting it.
 */
import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, join, win32 } from 'node:path';
import { z } from 'zod';
import { readRegularFile, RefusedFile } from '../files';
import { isUsableShareLocation } from '../share';

/** Points elsewhere than the platform's place (tests, unusual deployments). */
export const MACHINE_FILE_ENV = 'SAFEGUARD_DESK_MACHINE_FILE';

/** Larger than any real settings file: a bigger one is refused unread. */
export const MACHINE_FILE_MAX_BYTES = 16 * 1024;

/** Where the file is: `$SAFEGUARD_DESK_MACHINE_FILE`, else the platform's machine-wide folder. */
export function machineSettingsFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env[MACHINE_FILE_ENV];
  if (override !== undefined && override.trim() !== '') return override;
  switch (platform) {
    case 'win32':
      return win32.join(
        env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData',
        'Safeguard Desk',
        'machine.json',
      );
    case 'darwin':
      return join('/Library/Application Support/Safeguard Desk', 'machine.json');
    default:
      return '/etc/safeguard-desk/machine.json';
  }
}

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/**
 * A safety code as people copy it: any case, with or without the dashes or spaces, and the letters
 * Crockford's base32 reads as digits (O as 0; I and L as 1). Returns XXXX-XXXX-XXXX or null.
 */
export function normaliseSafetyCode(text: string): string | null {
  const plain = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CROCKFORD.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}`;
}

const machineSettingsSchema = z.object({
  share: z
    .string()
    .trim()
    .min(1)
    .max(1_000)
    .refine((path) => isUsableShareLocation(path)),
  safetyCode: z.string().max(40),
});

export interface MachineSettings {
  share: string;
  /** Normalised: XXXX-XXXX-XXXX. */
  safetyCode: string;
}

/** The file as read: absent (nothing to do), usable, or not usable and why (never its content). */
export type MachineSettingsRead =
  | { state: 'absent'; file: string }
  | { state: 'ok'; file: string; settings: MachineSettings }
  | { state: 'malformed'; file: string; problem: string };

/** Reads and checks the machine settings file. Never throws. */
export async function readMachineSettings(file: string): Promise<MachineSettingsRead> {
  const malformed = (problem: string): MachineSettingsRead => ({
    state: 'malformed',
    file,
    problem,
  });
  let text: string;
  try {
    const read = await readRegularFile(file, { maxBytes: MACHINE_FILE_MAX_BYTES });
    text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'absent', file };
    if (error instanceof RefusedFile) {
      return malformed(
        error.refusal === 'too-large'
          ? `it is larger than the ${MACHINE_FILE_MAX_BYTES} bytes allowed`
          : 'it is not a regular file',
      );
    }
    return malformed('it cannot be read');
  }
  if (process.platform !== 'win32' && !(await onlyAdministratorsCanChange(file))) {
    return malformed(
      'it or its folder can be changed by users other than administrators (it must belong to root and be writable only by its owner)',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return malformed('it is not JSON');
  }
  const parsed = machineSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    if (field === 'share') {
      return malformed(
        '"share" must be the full path of the school share folder, or a bucket location such as s3://bucket/school',
      );
    }
    if (field === 'safetyCode') {
      return malformed('"safetyCode" must be the code on the staff-room poster, XXXX-XXXX-XXXX');
    }
    return malformed('it must be a JSON object with "share" and "safetyCode"');
  }
  const safetyCode = normaliseSafetyCode(parsed.data.safetyCode);
  if (safetyCode === null) {
    return malformed('"safetyCode" must be the code on the staff-room poster, XXXX-XXXX-XXXX');
  }
  return { state: 'ok', file, settings: { share: parsed.data.share, safetyCode } };
}

/**
 * POSIX: the file belongs to root (or to this user, who could enrol themself anyway) and nobody
 * else may write it; likewise its folder, unless the folder is sticky (like /tmp), where others
 * cannot replace a file they do not own.
 */
async function onlyAdministratorsCanChange(file: string): Promise<boolean> {
  const me = process.getuid?.() ?? 0;
  const trusted = (info: Stats) => (info.uid === 0 || info.uid === me) && (info.mode & 0o022) === 0;
  try {
    const [own, folder] = await Promise.all([lstat(file), stat(dirname(file))]);
    if (!trusted(own)) return false;
    return trusted(folder) || (folder.mode & 0o1000) !== 0;
  } catch {
    return false;
  }
}
