/**
 * First start on a computer IT prepared: when it is not enrolled and IT's machine settings name a
 * share, enrol silently if the share's safety code is the one IT wrote down; otherwise enrol
 * nothing and say why, once, in words for the home screen (and one line for IT's logs that quotes
 * nothing from the file).
 */
import { SafeguardError } from '../errors';
import { enrol, type StaffStore } from '../staff';
import type { FolderShareOptions } from '../share';
import { readMachineSettings } from './settings-file';

/** What the machine settings did at start: nothing, enrolled, or a sentence saying why not. */
export type MachineEnrolment =
  | { outcome: 'nothing' }
  | { outcome: 'enrolled'; schoolName: string; safetyCode: string }
  | { outcome: 'refused' | 'failed' | 'malformed'; message: string };

export interface MachineEnrolmentInput {
  store: StaffStore;
  /** The machine settings file (machineSettingsFile()). */
  file: string;
  now: Date;
  share?: FolderShareOptions;
  /** One line for IT's logs (stderr), never quoting the file. */
  log: (line: string) => void;
}

/** Enrols from IT's machine settings when this computer is not enrolled yet. Never throws. */
export async function enrolFromMachineSettings(
  input: MachineEnrolmentInput,
): Promise<MachineEnrolment> {
  if (input.store.enrolment() !== null) return { outcome: 'nothing' };
  const read = await readMachineSettings(input.file);
  if (read.state === 'absent') return { outcome: 'nothing' };
  if (read.state === 'malformed') {
    input.log(`IT's machine settings file (${read.file}) is malformed and was ignored.`);
    return {
      outcome: 'malformed',
      message: `IT's machine settings file (${read.file}) was ignored: ${read.problem}. This computer was not enrolled from it: tell IT.`,
    };
  }
  const { share, safetyCode } = read.settings;
  try {
    const result = await enrol(input.store, share, input.now, {
      expectedSafetyCode: safetyCode,
      ...(input.share ? { share: input.share } : {}),
    });
    return { outcome: 'enrolled', schoolName: result.schoolName, safetyCode: result.safetyCode };
  } catch (error) {
    if (error instanceof SafeguardError && error.code === 'safety-code-mismatch') {
      input.log(`IT's machine settings expect another safety code than the share shows.`);
      return { outcome: 'refused', message: error.message };
    }
    const why = error instanceof SafeguardError ? error.message : 'the share could not be used.';
    input.log(`The share in IT's machine settings could not be used; nothing was enrolled.`);
    return {
      outcome: 'failed',
      message: `IT's machine settings name the school share at ${share}, but this computer could not enrol with it: ${lowerFirst(why)} Nothing was enrolled; Safeguard Desk tries again each time it starts. If this goes on, tell IT.`,
    };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
