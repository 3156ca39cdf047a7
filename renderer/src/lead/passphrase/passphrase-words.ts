/**
 * What the passphrase forms check before asking the core, and which field a refusal from the core
 * belongs beside. The core checks everything again; these only save a wait and say where to look.
 */
import type { BridgeFailure } from '../../bridge';

/** The fields of a form that sets a new passphrase. */
export type PassphraseField = 'current' | 'recoveryKey' | 'next' | 'again';

/** Problems with a new passphrase typed twice, by field (nothing when both are fine). */
export function newPassphraseProblems(
  next: string,
  again: string,
): Partial<Record<PassphraseField, string>> {
  if (next === '') return { next: 'Enter a new passphrase.' };
  if (again === '') return { again: 'Type the new passphrase again.' };
  if (again !== next) {
    return { again: 'The two new passphrases are not the same: type them again.' };
  }
  return {};
}

const FIELD_OF: Record<string, PassphraseField> = {
  'wrong-passphrase': 'current',
  'unlock-wait': 'current',
  'bad-recovery-key': 'recoveryKey',
  'wrong-recovery-key': 'recoveryKey',
  'no-recovery-file': 'recoveryKey',
  'recovery-damaged': 'recoveryKey',
  'weak-passphrase': 'next',
  'unusable-passphrase': 'next',
  'same-passphrase': 'next',
};

/** The field a refusal is about, or null when it is about no one field (the share, the disk). */
export function fieldOfFailure(failure: BridgeFailure): PassphraseField | null {
  return FIELD_OF[failure.code] ?? null;
}
