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
import { openShare, SHARE_LIMITS, type Share } from '../../share';
import type { LeadSecrets } from '../../lead';
import { caseLeadIds } from '../case-leads';
import type { CaseStore } from '../store';
import { eventFileNamer, EVENTS_PER_FILE, packBatch } from './format';
import { sharedCasesIn } from './history';

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
  const result: DeliverResult = {
    delivered: 0,
    files: 0,
    pending: store.sync.pendingCount(),
    error: null,
  };
  if (result.pending === 0) return result;
  const settings = store.settings.get();
  if (settings === null) {
    throw new SafeguardError('not-a-lead', 'This home folder has no case store set up.');
  }
  const share = input.share ?? openShare(settings.sharePath);
  const self = await recipientOf(secrets.ageIdentity);
  const nameOf = eventFileNamer(secrets.signingKey);
  const sign = createSigner(secrets.signingKey);
  const recipientsOf = caseRecipients(store, profile, self);

  // First choose each new file and note the choice; then write. A delivery cut short between the
  // two writes the same events under the same name next time, never a file with some of them.
  for (const { eventIds } of groupByRecipients(store.sync.unplanned(), recipientsOf)) {
    for (let i = 0; i < eventIds.length; i += EVENTS_PER_FILE) {
      const chunk = eventIds.slice(i, i + EVENTS_PER_FILE);
      store.sync.plan(nameOf(chunk), chunk);
    }
  }
  try {
    // Temp files of ours a killed delivery left (other computers' only once they are old).
    await share.sweepTemps().catch(() => 0);
    for (const { file, eventIds } of store.sync.planned()) {
      const events = store.events.signed(eventIds);
      // The leads of every case in the file (they were the same when it was planned).
      const recipients = events
        .map((e) => recipientsOf(e.event.caseId ?? ''))
        .reduce((all, these) => all.filter((r) => these.includes(r)));
      // A case shared with a lead added later travels with its concern and its whole history.
      const shares = sharedCasesIn(store, events);
      let packed = packBatch(
        { schoolId: settings.schoolId, packedBy: secrets.recipientId, events, ...shares },
        sign,
      );
      if (packed.length > SHARE_LIMITS.eventBytes - 64 * 1024 && shares.concerns.length > 0) {
        const concerns = shares.concerns.map((c) => ({
          ...c,
          attachments: [],
          attachmentsWithheld: c.attachmentsWithheld || c.attachments.length > 0,
        }));
        packed = packBatch(
          {
            schoolId: settings.schoolId,
            packedBy: secrets.recipientId,
            events,
            ...shares,
            concerns,
          },
          sign,
        );
      }
      await share.writeEventFile(file, await sealToRecipients(packed, recipients));
      store.transaction(() => {
        const count = store.sync.delivered(file, now().toISOString());
        store.audit.append(
          {
            at: now().toISOString(),
            actor: secrets.recipientId,
            kind: 'events-delivered',
            detail: { file, events: count },
          },
          sign,
        );
      });
      result.delivered += events.length;
      result.files += 1;
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
 * Who a case's events are sealed to: the leads its concern was sealed to who are on the profile
 * now, and this lead (age recipients, sorted). Worked out once per case.
 */
function caseRecipients(
  store: CaseStore,
  profile: SchoolProfile,
  self: string,
): (caseId: string) => string[] {
  const onProfile = new Map(profile.recipients.map((r) => [r.id, r.ageRecipient]));
  const known = new Map<string, string[]>();
  return (caseId) => {
    let recipients = known.get(caseId);
    if (recipients === undefined) {
      const ids = caseLeadIds(store, caseId);
      recipients = [...new Set([self, ...ids.flatMap((id) => onProfile.get(id) ?? [])])].sort();
      known.set(caseId, recipients);
    }
    return recipients;
  };
}

/**
 * Waiting events grouped by who they are sealed to, so cases with the same leads share a file.
 * Groups and their events keep the outbox's order.
 */
function groupByRecipients(
  pending: ReadonlyArray<{ eventId: string; caseId: string }>,
  recipientsOf: (caseId: string) => string[],
): Array<{ recipients: string[]; eventIds: string[] }> {
  const groups = new Map<string, { recipients: string[]; eventIds: string[] }>();
  for (const { eventId, caseId } of pending) {
    const recipients = recipientsOf(caseId);
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
