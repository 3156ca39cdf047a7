import type { ApiHandlers } from '../api/contract';
import { fileConcern, type AttachmentInput } from '../concerns';
import { keyFingerprint, safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { FormRegistry } from '../forms';
import { verifyProfile } from '../school';
import { deliverPending, openStaffStore, type StaffStore } from '../staff';
import type { Desk, DeskOptions } from './index';

/** Opens the staff store and forms, and returns the contract's handlers over them. */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const store = await openStaffStore(options.home, options.keyProvider);
  const forms = FormRegistry.builtIn();
  return { handlers: createHandlers(store, forms), close: () => store.close() };
}

function createHandlers(store: StaffStore, forms: FormRegistry): ApiHandlers {
  return {
    'app.status': () => {
      const enrolment = store.enrolment();
      if (!enrolment) {
        return Promise.resolve({
          enrolled: false,
          schoolName: null,
          safetyCode: null,
          sharePath: null,
        });
      }
      const { profile } = verifyProfile(enrolment.profileJson);
      return Promise.resolve({
        enrolled: true,
        schoolName: profile.schoolName,
        safetyCode: safetyCode(keyFingerprint(profile.rootKey)),
        sharePath: enrolment.sharePath,
      });
    },
    'forms.list': () =>
      Promise.resolve(
        forms
          .list()
          .map((f) => ({ id: f.id, version: f.version, title: f.title, summary: f.summary })),
      ),
    'forms.get': ({ id }) => {
      const form = forms.latest(id);
      if (!form)
        return Promise.reject(
          new SafeguardError('unknown-form', `There is no form called "${id}".`),
        );
      return Promise.resolve(form);
    },
    'concerns.submit': async (input) => {
      const receipt = await fileConcern(
        { store, forms },
        { formId: input.formId, answers: decodeFiles(input.answers), reporter: input.reporter },
      );
      return {
        reference: receipt.reference,
        createdAt: receipt.createdAt,
        delivered: receipt.delivered,
      };
    },
    'outbox.list': () =>
      Promise.resolve(
        store.list().map((r) => ({
          reference: r.reference,
          formId: r.formId,
          formVersion: r.formVersion,
          createdAt: r.createdAt,
          deliveredAt: r.deliveredAt,
          attempts: r.attempts,
        })),
      ),
    'outbox.deliver': () => deliverPending(store, new Date()),
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
