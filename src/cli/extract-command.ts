/** `lead publish-extract`: the anonymised figures for office staff, published now. */
import { join } from 'node:path';
import { publishExtract } from '../office/extract';
import { currentProfile } from '../school/changes';
import { openStaffStore } from '../staff';
import { withWorkspace } from './casework-commands';
import type { CommandContext } from './context';
import { output } from './io';
import { term } from './terminal-text';

/** Publishes the extract to `<share>/extracts/`; prints counts and where, never content. */
export async function publishExtractCommand(ctx: CommandContext): Promise<void> {
  await withWorkspace(ctx, async (workspace) => {
    const staff = await openStaffStore(ctx.home, ctx.keyProvider);
    let profile;
    try {
      profile = await currentProfile(staff, new Date());
    } finally {
      staff.close();
    }
    const published = await publishExtract({ lead: workspace, profile });
    const where = join(published.share, 'extracts', published.file);
    const { office, leads } = published.sealedTo;
    const lines = [
      term`Published the figures for ${count(published.rows)} concern(s) to ${where}.`,
      `Sealed to ${count(office)} office user(s) and ${count(leads)} lead(s); it holds no names, free text, references or exact dates.`,
    ];
    if (published.removed > 0) {
      lines.push(`Removed ${count(published.removed)} earlier extract(s) of yours from the share.`);
    }
    output(
      ctx.json,
      {
        rows: published.rows,
        file: published.file,
        path: where,
        bytes: published.bytes,
        sealedTo: published.sealedTo,
        producedAt: published.producedAt,
        removed: published.removed,
        timings: published.timings,
      },
      lines.join('\n'),
    );
  });
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}
