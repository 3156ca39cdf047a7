/**
 * Filing a concern on a staff machine: validate in the core (never trust the UI) → build the
 * document → sign with the device key → seal to the routed recipients → commit to the encrypted
 * outbox → try to deliver → receipt. Nothing before the commit needs the share: a share that is
 * down, slow or holds an untrusted profile changes where the concern waits, never whether it is
 * kept. Once committed, nothing is lost.
 */
import { randomUUID } from 'node:crypto';
import { sealToRecipients } from '../crypto';
import { SafeguardError } from '../errors';
import { localStorageError } from '../files';
import { validateAnswers, type FormRegistry } from '../forms';
import { SHARE_LIMITS } from '../share';
import { deliverPending } from '../staff/delivery';
import { trustedProfile, UNTRUSTED_PROFILE_WARNING } from '../staff/enrolment';
import type { StaffStore } from '../staff/store';
import { takeAttachments } from './attachments';
import { buildEnvelope, type ConcernDocument } from './document';
import { newReference } from './reference';
import { routeConcern } from './routing';

export interface FileConcernInput {
  formId: string;
  answers: Record<string, unknown>;
  reporter: { name: string; role: string };
  /** The profile recipient the concern is about, if any (changes routing; never a recipient). */
  aboutRecipientId?: string | null | undefined;
  /** The draft it was written in, deleted once the concern is committed to the outbox. */
  draftId?: string | undefined;
}

export interface Receipt {
  concernId: string;
  reference: string;
  createdAt: string;
  formTitle: string;
  kind: 'concern' | 'contact-log';
  urgent: boolean;
  delivered: boolean;
  deliveryError: string | null;
  /** Set when the share's profile could not be trusted and the pinned one was used. */
  warning: string | null;
}

/** A filing reporter waits this long, at most, for each share operation before being told "later". */
export const FILING_SHARE_TIMEOUT_MS = 5_000;

export interface FilingDeps {
  store: StaffStore;
  forms: FormRegistry;
  now?: () => Date;
  /** Delivers the outbox (the app's background delivery); by default one bounded attempt. */
  deliver?: () => Promise<{ error: string | null }>;
}

/** Files one concern with the latest version of its form. */
export async function fileConcern(deps: FilingDeps, input: FileConcernInput): Promise<Receipt> {
  const now = deps.now ?? (() => new Date());
  const form = deps.forms.latest(input.formId);
  if (!form) throw new SafeguardError('unknown-form', `There is no form called "${input.formId}".`);
  const { answers: described, contents } = takeAttachments(form, input.answers);
  const answers = validateAnswers(form, described);
  const reporter = { name: input.reporter.name.trim(), role: input.reporter.role.trim() };
  if (!reporter.name || !reporter.role) {
    throw new SafeguardError('invalid-reporter', 'The reporter name and role are both required.');
  }

  const { title: formTitle, kind } = form;
  const { profile, problem, unreachable } = await trustedProfile(deps.store, now(), {
    timeoutMs: FILING_SHARE_TIMEOUT_MS,
  });
  const warning =
    problem === null
      ? null
      : `${UNTRUSTED_PROFILE_WARNING} This concern was sealed to the safeguarding leads this computer already trusts.`;
  const recipients = routeConcern(profile, input.aboutRecipientId);
  const subject = input.aboutRecipientId
    ? profile.recipients.find((r) => r.id === input.aboutRecipientId)
    : undefined;
  const urgent = form.defaultUrgency === 'urgent' || answers.immediateRisk === true;
  const device = deps.store.deviceKey();
  const writtenAt = now().toISOString();
  const document: ConcernDocument = {
    format: 'safeguard-desk/concern',
    formatVersion: 1,
    concernId: randomUUID(),
    reference: newReference(),
    schoolId: profile.schoolId,
    form: { id: form.id, version: form.version },
    answers,
    reporter,
    device: { id: device.deviceId, publicKey: device.publicKey },
    times: { writtenAt },
    sealedTo: recipients.map((r) => ({ id: r.id, name: r.name, role: r.role })),
    urgency: urgent ? 'urgent' : 'normal',
    about: subject ? { id: subject.id, name: subject.name, role: subject.role } : null,
  };
  const envelope = buildEnvelope(document, device.privateKey, contents);
  const sealed = await sealToRecipients(
    envelope,
    recipients.map((r) => r.ageRecipient),
  );
  if (sealed.length > SHARE_LIMITS.concernBytes) {
    throw new SafeguardError(
      'concern-too-large',
      `With its attachments this concern is larger than the ${SHARE_LIMITS.concernBytes / (1024 * 1024)} MB a concern may be: remove some attachments and try again.`,
    );
  }
  try {
    deps.store.enqueue(
      {
        concernId: document.concernId,
        reference: document.reference,
        formId: form.id,
        formVersion: form.version,
        createdAt: writtenAt,
        urgent,
        sealed,
        sealedTo: recipients.map((r) => r.id),
        profileWarning: problem?.code ?? null,
      },
      input.draftId,
    );
  } catch (error) {
    throw localStorageError(error) ?? error;
  }

  let delivered = false;
  let deliveryError: string | null = null;
  if (unreachable !== null) {
    // The share did not answer a moment ago: the reporter is not kept waiting for it twice;
    // delivery goes on in the background (the app) or with `deliver` (the command line).
    deps.store.recordFailure(document.concernId, unreachable);
    return receiptOf(false, unreachable);
  }
  try {
    const deliver =
      deps.deliver ??
      (() => deliverPending(deps.store, now(), { timeoutMs: FILING_SHARE_TIMEOUT_MS }));
    const round = await deliver();
    delivered = deps.store.isDelivered(document.concernId);
    // The round's own problem (the share is full, say) even when it stopped before this concern.
    if (!delivered) deliveryError = round.error ?? deps.store.lastError(document.concernId);
  } catch (error) {
    deliveryError =
      error instanceof SafeguardError ? error.message : 'Delivery failed; it will be retried.';
  }
  return receiptOf(delivered, deliveryError);

  function receiptOf(isDelivered: boolean, error: string | null): Receipt {
    return {
      concernId: document.concernId,
      reference: document.reference,
      createdAt: writtenAt,
      formTitle,
      kind,
      urgent,
      delivered: isDelivered,
      deliveryError: error,
      warning,
    };
  }
}
