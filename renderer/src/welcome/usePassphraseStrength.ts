/**
 * The strength of a passphrase as it is typed, from the core (`setup.passphraseStrength`): the
 * estimator's dictionaries stay out of this page. Asked 300 ms after typing stops; an answer to an
 * older passphrase is dropped.
 */
import { useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { load } from '../loadable';

export type Strength = OperationOutput<'setup.passphraseStrength'>;

export interface StrengthContext {
  schoolName?: string;
  leadName?: string;
}

const DEBOUNCE_MS = 300;

/** Asks the core how strong `passphrase` is now (no debounce): for the step's own check. */
export async function checkStrength(
  passphrase: string,
  context: StrengthContext,
): Promise<Strength | null> {
  const result = await load((api) => api['setup.passphraseStrength']({ passphrase, context }));
  return result.state === 'ready' ? result.value : null;
}

/** The latest strength of `passphrase` (null while empty or not yet known). */
export function usePassphraseStrength(
  passphrase: string,
  context: StrengthContext,
): Strength | null {
  const [strength, setStrength] = useState<{ for: string; value: Strength } | null>(null);
  const { schoolName, leadName } = context;

  useEffect(() => {
    if (passphrase === '') return undefined;
    let current = true;
    const timer = setTimeout(() => {
      void checkStrength(passphrase, {
        ...(schoolName !== undefined ? { schoolName } : {}),
        ...(leadName !== undefined ? { leadName } : {}),
      }).then((value) => {
        if (current && value !== null) setStrength({ for: passphrase, value });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, schoolName, leadName]);

  return strength !== null && strength.for === passphrase ? strength.value : null;
}
