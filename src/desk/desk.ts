import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiHandlers } from '../api/contract';
import {
  concernSubjects,
  fileConcern,
  FILING_SHARE_TIMEOUT_MS,
  roleLabel,
  type AttachmentInput,
} from '../concerns';
import { keyFingerprint, safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { FormRegistry } from '../forms';
import { verifyProfile } from '../school';
import {
  DeliveryLoop,
  DraftKeyRing,
  deleteDraft,
  getDraft,
  listDrafts,
  listReceipts,
  openStaffStore,
  protectDraft,
  removeExpiredDrafts,
  saveDraft,
  trustedProfile,
  UNTRUSTED_PROFILE_WARNING,
  type StaffStore,
} from '../staff';
import type { Desk, DeskOptions } from './index';

/** A round of delivery is not repeated for "My receipts" within this long of the last one. */
const RECEIPTS_FRESH_MS = 3_000;
/** "My receipts" waits this long, at most, for that round before showing what it knows. */
const RECEIPTS_WAIT_MS = 2_000;

/**
 * Opens the staff store and forms, starts background delivery (a round now, then on its timer),
 * and returns the contract's handlers over them.
 */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const forms = FormRegistry.load({ customDir: join(options.home, 'forms') });
  const store = await openStaffStore(options.home, options.keyProvider);
  removeExpiredDrafts(store, new Date());
  const delivery = new DeliveryLoop(store, {
    share: { timeoutMs: FILING_SHARE_TIMEOUT_MS },
    ...options.delivery,
  });
  if (store.enrolment()) delivery.start();
  // Draft keys live in this process only: a new desk (a restart) starts locked.
  const draftKeys = new DraftKeyRing();
  return {
    handlers: createHandlers(store, forms, delivery, draftKeys),
    close: () => {
      delivery.halt();
      draftKeys.forgetAll();
      store.close();
    },
  };
}

function createHandlers(
  store: StaffStore,
  forms: FormRegistry,
  delivery: DeliveryLoop,
  draftKeys: DraftKeyRing,
): ApiHandlers {
  const drafts = { store, keys: draftKeys };
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
    'app.lock': () => Promise.resolve({ draftsLocked: draftKeys.forgetAll() }),
    'app.status': () => {
      const t = trusted();
      if (!t) {
        return Promise.resolve({
          enrolled: false,
          schoolName: null,
          safetyCode: null,
          sharePath: null,
          warning: null,
          waiting: 0,
        });
      }
      const problem = store.profileProblem();
      return Promise.resolve({
        enrolled: true,
        schoolName: t.profile.schoolName,
        safetyCode: safetyCode(keyFingerprint(t.profile.rootKey)),
        sharePath: t.enrolment.sharePath,
        warning: problem === null ? null : `${UNTRUSTED_PROFILE_WARNING} (${problem.detail})`,
        waiting: store.counts().pending,
      });
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
    // Looks at the share first (acknowledgements, re-delivery), unless a round has just run.
    'receipts.list': async () => {
      if (store.enrolment() && !delivery.ranWithin(RECEIPTS_FRESH_MS)) {
        // A share that answers slowly must not hold the screen: the round goes on regardless.
        await Promise.race([delivery.runRound(), sleep(RECEIPTS_WAIT_MS)]);
      }
      return listReceipts(store, forms);
    },
    'receipts.status': ({ reference }) => {
      const row = listReceipts(store, forms).find((r) => r.reference === reference);
      if (!row) throw new SafeguardError('unknown-reference', 'No receipt has that reference.');
      return Promise.resolve({ reference: row.reference, status: row.status });
    },
    'outbox.deliver': async () => {
      const round = await delivery.runFreshRound();
      return { delivered: round.delivered, pending: round.pending, error: round.error };
    },
    'drafts.list': () =>
      Promise.resolve(
        listDrafts(drafts, new Date()).map((d) => ({ ...d, formTitle: titleOf(d.formId) })),
      ),
    'drafts.get': ({ draftId, pin }) => getDraft(drafts, draftId, pin, new Date()),
    'drafts.save': (input) => {
      requireForm(input.formId);
      return Promise.resolve(saveDraft(drafts, input, new Date()));
    },
    'drafts.protect': async ({ draftId, pin }) => {
      await protectDraft(drafts, draftId, pin);
      return { protected: true as const };
    },
    'drafts.delete': ({ draftId }) => Promise.resolve({ deleted: deleteDraft(drafts, draftId) }),
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
