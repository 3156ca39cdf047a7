import { join } from 'node:path';
import type { ApiHandlers } from '../api/contract';
import { concernSubjects, fileConcern, roleLabel, type AttachmentInput } from '../concerns';
import { keyFingerprint, safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { FormRegistry } from '../forms';
import { verifyProfile } from '../school';
import {
  deleteDraft,
  deliverPending,
  getDraft,
  listDrafts,
  listReceipts,
  openStaffStore,
  removeExpiredDrafts,
  saveDraft,
  trustedProfile,
  type StaffStore,
} from '../staff';
import type { Desk, DeskOptions } from './index';

/** Opens the staff store and forms, and returns the contract's handlers over them. */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const forms = FormRegistry.load({ customDir: join(options.home, 'forms') });
  const store = await openStaffStore(options.home, options.keyProvider);
  removeExpiredDrafts(store, new Date());
  return { handlers: createHandlers(store, forms), close: () => store.close() };
}

function createHandlers(store: StaffStore, forms: FormRegistry): ApiHandlers {
  const trusted = () => {
    const enrolment = store.enrolment();
    return enrolment ? { enrolment, profile: verifyProfile(enrolment.profileJson).profile } : null;
  };
  const requireForm = (id: string) => {
    const form = forms.latest(id);
    if (!form) throw new SafeguardError('unknown-form', `There is no form called "${id}".`);
    return form;
  };
  const titleOf = (formId: string) => forms.latest(formId)?.title ?? formId;

  return {
    'app.status': () => {
      const t = trusted();
      return Promise.resolve(
        t
          ? {
              enrolled: true,
              schoolName: t.profile.schoolName,
              safetyCode: safetyCode(keyFingerprint(t.profile.rootKey)),
              sharePath: t.enrolment.sharePath,
            }
          : { enrolled: false, schoolName: null, safetyCode: null, sharePath: null },
      );
    },
    'forms.list': () =>
      Promise.resolve(
        forms.list().map((f) => {
          const form = requireForm(f.id);
          return {
            id: f.id,
            version: f.version,
            title: f.title,
            summary: f.summary,
            searchWords: f.searchWords,
            kind: f.kind,
            defaultUrgency: form.defaultUrgency,
          };
        }),
      ),
    'forms.get': ({ id }) => Promise.resolve(requireForm(id)),
    // The share's current profile (checked against the pin), so a newly added head or chair can
    // be chosen before anything is filed; the pinned one when the share is down.
    'school.subjects': async () => {
      if (!store.enrolment()) return [];
      const profile = await trustedProfile(store, new Date());
      return concernSubjects(profile).map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        roleLabel: roleLabel(r.role),
      }));
    },
    'concerns.submit': async (input) => {
      const receipt = await fileConcern(
        { store, forms },
        {
          formId: input.formId,
          answers: decodeFiles(input.answers),
          reporter: input.reporter,
          aboutRecipientId: input.aboutRecipientId ?? null,
          draftId: input.draftId,
        },
      );
      return {
        reference: receipt.reference,
        createdAt: receipt.createdAt,
        formTitle: receipt.formTitle,
        kind: receipt.kind,
        urgent: receipt.urgent,
        delivered: receipt.delivered,
      };
    },
    'receipts.list': async () => {
      const rows = await listReceipts(store, forms);
      return rows.map((r) => ({
        reference: r.reference,
        createdAt: r.createdAt,
        formId: r.formId,
        formTitle: r.formTitle,
        kind: r.kind,
        status: r.status,
      }));
    },
    'outbox.deliver': () => deliverPending(store, new Date()),
    'drafts.list': () =>
      Promise.resolve(
        listDrafts(store, new Date()).map((d) => ({ ...d, formTitle: titleOf(d.formId) })),
      ),
    'drafts.get': ({ draftId }) => Promise.resolve(getDraft(store, draftId, new Date())),
    'drafts.save': (input) => {
      requireForm(input.formId);
      return Promise.resolve(saveDraft(store, input, new Date()));
    },
    'drafts.delete': ({ draftId }) => Promise.resolve({ deleted: deleteDraft(store, draftId) }),
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
