/** Filing a concern from the app, and who it may be about. */
import type { HandlersOf } from '../contract';
import {
  concernSubjects,
  fileConcern,
  FILING_SHARE_TIMEOUT_MS,
  roleLabel,
  type AttachmentInput,
} from '../../concerns';
import type { FormRegistry } from '../../forms';
import { trustedProfile, type DeliveryLoop, type DraftKeyRing, type StaffStore } from '../../staff';

/** `school.subjects` and `concerns.submit` over the staff store, background delivery and drafts. */
export function concernsHandlers(deps: {
  store: StaffStore;
  forms: FormRegistry;
  delivery: DeliveryLoop;
  draftKeys: DraftKeyRing;
}): HandlersOf<'school.subjects' | 'concerns.submit'> {
  const { store, forms, delivery, draftKeys } = deps;
  return {
    // The share's current profile (checked against the pin), so a newly added head or chair can
    // be chosen before anything is filed; the pinned one when the share is down.
    'school.subjects': async () => {
      if (!store.enrolment()) return [];
      const { profile } = await trustedProfile(store, new Date(), {
        timeoutMs: FILING_SHARE_TIMEOUT_MS,
      });
      return concernSubjects(profile).map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        roleLabel: roleLabel(r.role),
      }));
    },
    'concerns.submit': async (input) => {
      const receipt = await fileConcern(
        { store, forms, deliver: () => delivery.runFreshRound() },
        {
          formId: input.formId,
          answers: decodeFiles(input.answers),
          reporter: input.reporter,
          aboutRecipientId: input.aboutRecipientId ?? null,
          draftId: input.draftId,
        },
      );
      // The draft went with the concern; its key goes too.
      if (input.draftId !== undefined) draftKeys.forget(input.draftId);
      // Not on the share yet: background delivery takes it from here, starting now.
      if (!receipt.delivered) delivery.kick();
      return {
        reference: receipt.reference,
        createdAt: receipt.createdAt,
        formTitle: receipt.formTitle,
        kind: receipt.kind,
        urgent: receipt.urgent,
        delivered: receipt.delivered,
        deliveryError: receipt.deliveryError,
        warning: receipt.warning,
      };
    },
  };
}

/** Files cross the boundary as `{name, base64}`; the core takes bytes. */
function decodeFiles(answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    out[key] = Array.isArray(value)
      ? value.map((item: unknown): unknown => {
          const file = item as { name?: unknown; base64?: unknown };
          if (typeof file?.name === 'string' && typeof file.base64 === 'string') {
            const attachment: AttachmentInput = {
              name: file.name,
              bytes: Buffer.from(file.base64, 'base64'),
            };
            return attachment;
          }
          return item;
        })
      : value;
  }
  return out;
}
