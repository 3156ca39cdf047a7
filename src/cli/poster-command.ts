/** `school poster --out FILE [--share DIR] [--replace]`: the staff-room poster as a PDF. */
import { basename, dirname, resolve } from 'node:path';
import { SafeguardError } from '../errors';
import { isMissing, systemCode, writeFileAtomically } from '../files';
import { posterContent, posterPdf } from '../school';
import { openStaffStore } from '../staff';
import type { CommandContext } from './context';
import { output } from './io';
import { term } from './terminal-text';

export async function posterCommand(ctx: CommandContext): Promise<void> {
  const out = resolve(ctx.requireOption('out'));
  const share = ctx.options.share === undefined ? undefined : resolve(ctx.options.share);
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  let content;
  try {
    content = await posterContent(store, { sharePath: share });
  } finally {
    store.close();
  }
  const pdf = await posterPdf(content.input);
  await writePoster(out, pdf, ctx.flags.replace === true);
  const { schoolName, safetyCode } = content.input;
  if (content.warning !== null) process.stderr.write(term`Warning: ${content.warning}\n`);
  output(
    ctx.json,
    { file: out, schoolName, safetyCode, warning: content.warning },
    term`Poster for ${schoolName} written to ${out}.\nPrint it for the staff room. Its safety code: ${safetyCode}`,
  );
}

/** Writes the PDF whole or not at all; an existing file is kept unless `replace`. */
async function writePoster(path: string, pdf: Buffer, replace: boolean): Promise<void> {
  let result;
  try {
    result = await writeFileAtomically(dirname(path), basename(path), pdf, {
      replace,
      mode: 0o644,
    });
  } catch (error) {
    throw new SafeguardError('poster-file', posterFileProblem(path, error));
  }
  if (result === 'exists') {
    throw new SafeguardError(
      'poster-file',
      `${path} already exists and was left untouched: choose another name, or add --replace.`,
    );
  }
}

function posterFileProblem(path: string, error: unknown): string {
  if (isMissing(error)) return `Cannot write ${path}: its folder does not exist.`;
  switch (systemCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return `Cannot write ${path}: this account may not write in that folder.`;
    case 'EROFS':
      return `Cannot write ${path}: that folder is read-only.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Cannot write ${path}: the disk is full.`;
    case 'EISDIR':
      return `Cannot write ${path}: it is a folder.`;
    default:
      return `Cannot write ${path}.`;
  }
}
