/**
 * Delivery: this lead's casework events, from the outbox to `<share>/events/`, each sealed to the
 * leads of its case — the leads the concern was sealed to who are still on the school profile
 * (never the person it is about, who was never among them), and this lead, so the share holds
 * the whole record for a rebuild. Events whose cases share the same leads travel in one file, at
 * most EVENTS_PER_FILE to a file. A file is noted as delivered only once it is durably on the
 * share; a crash in between writes the same file under the same name again, which finds it there.
 * An unreachable share leaves the events queued, to go with the next delivery.
 */
import { createSigner, recipientOf, sealToRecipients } from '../../crypto';
import { SafeguardError } from '../../errors';
import type { SchoolProfile } from '../../school/profile';
import { openShare, type Share } from '../../share';
import type { LeadSecrets } from '../../lead';
import type { CaseStore } from '../store';
import { eventFileNamer, EVENTS_PER_FILE, packBatch } from './format';

export interface DeliverInput {
  store: CaseStore;
  secrets: LeadSecrets;
  /** The school profile this computer trusts now: who is a lead today. */
  profile: SchoolProfile;
  share?: Share;
  now?: () => Date;
}

export interface DeliverResult {
  /** Events now on the share that were not noted there before. */
  delivered: number;
  files: number;
  /** Events still waiting (the share refused, or was away). */
  pending: number;
  /** Why delivery stopped early, in words for the lead; null when everything went. */
  error: string | null;
}

/** Delivers every queued event; never throws for the share (the events wait for next time). */
export async function deliverEvents(input: DeliverInput): Promise<DeliverResult> {
  const now = input.now ?? (() => new Date());
  const { store, secrets, profile } = input;
  const pending = store.sync.pending();
  const result: DeliverResult = { delivered: 0, files: 0, pending: pending.length, error: null };
  if (pending.length === 0) return result;
  const settings = store.settings.get();
  if (settings === null) {
    throw new SafeguardError('not-a-lead', 'This home folder has no case store set up.');
  }
  const share = input.share ?? openShare(settings.sharePath);
  const self = await recipientOf(secrets.ageIdentity);
  const groups = groupByRecipients(store, pending, profile, self);
  const nameOf = eventFileNamer(secrets.signingKey);
  const sign = createSigner(secrets.signingKey);
  try {
    for (const { recipients, eventIds } of groups) {
      for (let i = 0; i < eventIds.length; i += EVENTS_PER_FILE) {
        const chunk = eventIds.slice(i, i + EVENTS_PER_FILE);
        const events = store.events.signed(chunk);
        const packed = packBatch(
          { schoolId: settings.schoolId, packedBy: secrets.recipientId, events },
          sign,
        );
        const name = nameOf(chunk);
        await share.writeEventFile(name, await sealToRecipients(packed, recipients));
        store.transaction(() => {
          store.sync.delivered(name, chunk, now().toISOString());
          store.audit.append(
            {
              at: now().toISOString(),
              actor: secrets.recipientId,
              kind: 'events-delivered',
              detail: { file: name, events: chunk.length },
            },
            sign,
          );
        });
        result.delivered += chunk.length;
        result.files += 1;
      }
    }
  } catch (error) {
    result.error =
      error instanceof SafeguardError
        ? error.message
        : 'The events could not be written to the share (internal error).';
  }
  result.pending = store.sync.pendingCount();
  return result;
}

/**
 * Pending events grouped by who they are sealed to: per case, the leads the concern was sealed to
 * who are on the profile now, and this lead. Groups and their events keep the outbox's order, so
 * two deliveries of the same queue make the same files.
 */
function groupByRecipients(
  store: CaseStore,
  pending: ReadonlyArray<{ eventId: string; caseId: string }>,
  profile: SchoolProfile,
  self: string,
): Array<{ recipients: string[]; eventIds: string[] }> {
  const onProfile = new Map(profile.recipients.map((r) => [r.id, r.ageRecipient]));
  const recipientsOfCase = new Map<string, string[]>();
  const groups = new Map<string, { recipients: string[]; eventIds: string[] }>();
  for (const { eventId, caseId } of pending) {
    let recipients = recipientsOfCase.get(caseId);
    if (recipients === undefined) {
      const ids = sealedToOf(store, caseId);
      recipients = [...new Set([self, ...ids.flatMap((id) => onProfile.get(id) ?? [])])].sort();
      recipientsOfCase.set(caseId, recipients);
    }
    const key = recipients.join(' ');
    let group = groups.get(key);
    if (group === undefined) {
      group = { recipients, eventIds: [] };
      groups.set(key, group);
    }
    group.eventIds.push(eventId);
  }
  return [...groups.values()];
}

/** The recipient ids a case's concern was sealed to (from the signed document). */
export function sealedToOf(store: CaseStore, caseId: string): string[] {
  const signed = store.cases.signedDocument(caseId);
  if (signed === null) return [];
  const document = JSON.parse(signed) as { sealedTo?: Array<{ id?: unknown }> };
  return (document.sealedTo ?? []).flatMap((r) => (typeof r.id === 'string' ? [r.id] : []));
}
