/** The staff-room poster as a PDF, for any enrolled computer to save or print. */
import type { HandlersOf } from '../contract';
import { posterContent, posterFileName, posterPdf } from '../../school';
import type { StaffStore } from '../../staff';

/** `school.poster` over the profile this computer trusts. */
export function schoolPosterHandlers(deps: { store: StaffStore }): HandlersOf<'school.poster'> {
  return {
    'school.poster': async () => {
      const { input, warning } = await posterContent(deps.store);
      const pdf = await posterPdf(input);
      return {
        fileName: posterFileName(input.schoolName),
        base64: pdf.toString('base64'),
        warning,
      };
    },
  };
}
