/** `school poster --out FILE [--share DIR] [--replace]`: the staff-room poster as a PDF. */
import { resolve } from 'node:path';
import { shareLocation } from '../share';
import { posterContent, posterPdf } from '../school';
import { openStaffStore } from '../staff';
import type { CommandContext } from './context';
import { output } from './io';
import { writeOutputFile } from './output-file';
import { term } from './terminal-text';

export async function posterCommand(ctx: CommandContext): Promise<void> {
  const out = resolve(ctx.requireOption('out'));
  const share = ctx.options.share === undefined ? undefined : shareLocation(ctx.options.share);
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  let content;
  try {
    content = await posterContent(store, { sharePath: share });
  } finally {
    store.close();
  }
  const pdf = await posterPdf(content.input);
  // Whole or not at all; an existing file is kept unless --replace.
  await writeOutputFile(out, pdf, {
    replace: ctx.flags.replace === true,
    replaceFlag: '--replace',
    code: 'poster-file',
    mode: 0o644,
  });
  const { schoolName, safetyCode } = content.input;
  if (content.warning !== null) process.stderr.write(term`Warning: ${content.warning}\n`);
  output(
    ctx.json,
    { file: out, schoolName, safetyCode, warning: content.warning },
    term`Poster for ${schoolName} written to ${out}.\nPrint it for the staff room. Its safety code: ${safetyCode}`,
  );
}
