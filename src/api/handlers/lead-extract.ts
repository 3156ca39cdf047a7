/** The office's figures: the lead publishes the anonymised extract now (the app's button). */
import type { HandlersOf } from '../contract';
import type { LeadSession } from '../../session/lead-session';

export function leadExtractHandlers(deps: {
  lead: LeadSession;
}): HandlersOf<'lead.publishExtract'> {
  const { lead } = deps;
  return {
    'lead.publishExtract': async () => {
      const published = await lead.publishExtractNow();
      return {
        rows: published.rows,
        file: published.file,
        producedAt: published.producedAt,
        sealedTo: published.sealedTo,
      };
    },
  };
}
