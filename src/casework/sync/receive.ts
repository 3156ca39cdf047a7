/**
 * Receiving: every event file on the share this store has not dealt with is opened with the lead's
 * identity; a file sealed to other leads is noted and passed over in silence. An opened file must
 * be a batch signed by a lead on the school profile, for this school, whose every event is signed
 * by its author, a lead the concern was sealed to (Casework.receive checks both), on a case this
 * store holds. Its new events are folded in together, in one transaction, with an audit entry
 * saying which file and from whom; a file that fails any check is quarantined with its reason and
 * nothing of it is applied. A file that only repeats events already held (a copy) is a replay.
 *
 * Events for a case this store does not hold yet (the concern is not imported yet) are kept in
 * quarantine and tried again at each import. The share is only read, never altered.
 */
import { createSigner, SealedFileOpener } from '../../crypto';
import { SafeguardError } from '../../errors';
import { RefusedFile } from '../../files';
import { openShare, type Share } from '../../share';
import type { Workspace } from '../workspace';
import { adoptSharedCase } from './history';
import { unpackBatch, type EventBatch } from './format';

export interface ReceiveResult {
  /** Files opened and folded in this time. */
  files: number;
  /** New events folded in (events already held are not counted). */
  events: number;
  /** Cases that changed. */
  cases: string[];
  quarantined: Array<{ file: string; code: string; reason: string }>;
}

/** Share failures that end receiving (the rest of the files would fail the same way). */
const SHARE_WIDE = new Set([
  'share-unreachable',
  'share-timeout',
  'share-permission',
  'share-symlink',
  'share-not-folder',
]);

/** What receiving needs of the unlocked workspace. */
export type SyncingLead = Pick<Workspace, 'store' | 'secrets' | 'casework' | 'roster'>;

/** Quarantine names event files apart from concern files. */
export const quarantineName = (file: string) => `events/${file}`;

/** Receives every new event file on the share; throws only when the share as a whole fails. */
export async function receiveEvents(input: {
  lead: SyncingLead;
  share?: Share;
  now?: () => Date;
}): Promise<ReceiveResult> {
  const now = input.now ?? (() => new Date());
  const { store, secrets, roster } = input.lead;
  const settings = store.settings.get();
  if (settings === null) {
    throw new SafeguardError('not-a-lead', 'This home folder has no case store set up.');
  }
  const share = input.share ?? openShare(settings.sharePath);
  const names = await share.listEventFiles();
  const known = store.sync.knownFiles();
  const lookedAt = store.quarantine.lookedAt();
  const opener = await SealedFileOpener.create(secrets.ageIdentity);
  const sign = createSigner(secrets.signingKey);
  const result: ReceiveResult = { files: 0, events: 0, cases: [], quarantined: [] };
  const changed = new Set<string>();

  for (const name of names) {
    if (known.has(name)) continue;
    const before = lookedAt.get(quarantineName(name));
    let seen: { size: number | null; mtimeMs: number | null } = { size: null, mtimeMs: null };
    try {
      if (before !== undefined) {
        const now = await share.lookAt('events', name);
        if (now.size === before.size && now.mtimeMs === before.mtimeMs) continue;
      }
      const read = await share.readEventFile(name);
      seen = { size: read.size, mtimeMs: read.mtimeMs };
      const opened = await opener.openHeader(read.bytes).catch((error: unknown) => {
        if (error instanceof SafeguardError && error.code === 'not-addressed') return null;
        throw error;
      });
      if (opened === null) {
        store.sync.noteFile(name, 'not-addressed', 0, null, now().toISOString());
        continue;
      }
      const batch = unpackBatch(
        opener.openPayload(opened, read.bytes),
        (id) => roster.get(id)?.verifyKey,
      );
      if (batch.schoolId !== settings.schoolId) {
        throw new SafeguardError('wrong-school', 'It was written for a different school.');
      }
      const fresh = fold(input.lead, name, batch, now, sign);
      store.quarantine.remove(quarantineName(name));
      result.files += 1;
      result.events += fresh.events;
      for (const caseId of fresh.cases) changed.add(caseId);
    } catch (error) {
      if (error instanceof SafeguardError && SHARE_WIDE.has(error.code)) throw error;
      if (error instanceof SafeguardError && error.code === 'share-file-missing') continue;
      const { code, reason } =
        error instanceof SafeguardError
          ? { code: error.code, reason: error.message }
          : { code: 'unexpected', reason: 'It could not be received (unexpected error).' };
      // A refused name is known again by its own size and time (a link's, not its target's).
      if (error instanceof RefusedFile) seen = await share.lookAt('events', name);
      // Events for a case not held yet are tried again next time: no size or time kept for it.
      const retry = code === 'event-case-not-held';
      store.quarantine.add({
        file: quarantineName(name),
        sha256: '',
        code,
        reason,
        at: now().toISOString(),
        size: retry ? null : seen.size,
        mtimeMs: retry ? null : seen.mtimeMs,
      });
      result.quarantined.push({ file: quarantineName(name), code, reason });
    }
  }
  result.cases = [...changed];
  return result;
}

/**
 * Folds a verified batch's events in, all or none, noting the file and auditing who it came from.
 * Returns how many events were new and their cases. Throws (applying nothing) when any event is
 * refused.
 */
function fold(
  lead: SyncingLead,
  file: string,
  batch: EventBatch,
  now: () => Date,
  sign: (message: Uint8Array) => string,
): { events: number; cases: string[] } {
  const { store, casework, secrets } = lead;
  return store.transaction(() => {
    // Cases shared with this lead (a lead added later): taken in first, with their history.
    const schoolId = store.settings.get()?.schoolId ?? '';
    for (const shared of batch.concerns) {
      if (store.cases.hasConcern(shared.caseId)) continue;
      adoptSharedCase(
        { store, casework, self: secrets.recipientId, schoolId },
        batch,
        shared,
        now(),
      );
    }
    const seen = new Set<string>();
    const events = [...batch.history, ...batch.events].filter((e) => {
      if (seen.has(e.event.eventId)) return false;
      seen.add(e.event.eventId);
      return true;
    });
    for (const signed of events) {
      const caseId = signed.event.caseId;
      if (caseId === null) {
        throw new SafeguardError(
          'event-wrong-case',
          'It carries an event that belongs to no case.',
        );
      }
      if (!store.cases.hasConcern(caseId)) {
        throw new SafeguardError(
          'event-case-not-held',
          'It carries events for a concern this computer does not hold; it is tried again at each import.',
        );
      }
    }
    // Signatures, recipients, storing and auditing; each changed case worked out once.
    const fresh = casework.receiveAll(events);
    if (fresh.length === 0) {
      throw new SafeguardError(
        'event-replay',
        'It only repeats events already received (a copy of another file).',
      );
    }
    store.sync.noteFile(file, 'received', fresh.length, batch.packedBy, now().toISOString());
    store.audit.append(
      {
        at: now().toISOString(),
        actor: secrets.recipientId,
        kind: 'events-received',
        detail: {
          file,
          from: batch.packedBy,
          events: events.length,
          new: fresh.length,
          ...(batch.concerns.length > 0 ? { sharedCases: batch.concerns.length } : {}),
        },
      },
      sign,
    );
    return { events: fresh.length, cases: [...new Set(fresh)] };
  });
}
