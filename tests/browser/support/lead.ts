/** The DSL's side, through the real CLI: import the share, then read one case with its answers. */
import { cliJson } from '../../node/support/cli';
import type { SchoolFixture } from '../../node/support/school';

export interface ImportedCase {
  reference: string;
  formId: string;
  formVersion: number;
  reporterName: string;
  reporterRole: string;
  answers: Record<string, unknown>;
}

/** `lead import`, then `lead show REF`: the case as the lead sees it after a real import. */
export async function importAndShow(
  school: SchoolFixture,
  reference: string,
): Promise<ImportedCase> {
  const passphrase = ['--passphrase-file', school.passphraseFile];
  const result = await cliJson<{ quarantined: unknown[] }>(school.dslHome, [
    'lead',
    'import',
    ...passphrase,
  ]);
  if (result.quarantined.length > 0) {
    throw new Error(`the import quarantined files: ${JSON.stringify(result.quarantined)}`);
  }
  return cliJson<ImportedCase>(school.dslHome, ['lead', 'show', reference, ...passphrase]);
}
