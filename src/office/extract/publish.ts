/**
 * Publishing the anonymised statistical extract (docs/extract-format.md): the lead's case store →
 * rows (rows.ts) → the body (format.ts) as canonical JSON → signed with the lead's Ed25519 key →
 * gzip → sealed with age to every office recipient and every lead on the verified school profile →
 * `<share>/extracts/<random>.age`. Recorded on the lead's audit chain without content; the files
 * this lead published before are then removed from the share (its own only).
 *
 * With no office recipient on the profile nothing is published and `no-office-recipient` says
 * so: an extract only leads could open would be published for nobody who needs it.
 */
import { performance } from 'node:perf_hooks';
import type { SchoolCalendar } from '../../casework';
import type { Casework } from '../../casework/service';
import type { CaseStore } from '../../casework/store';
import { createSigner, sealToRecipients } from '../../crypto';
import { SafeguardError } from '../../errors';
import type { LeadSecrets } from '../../lead/identity';
import type { SchoolProfile } from '../../school/profile';
import { openShare, type Share } from '../../share';
import { packExtract } from './envelope';
import { EXTRACT_FORMAT, EXTRACT_FORMAT_VERSION, type ExtractBody } from './format';
import { recordKeyOf } from './record-key';
import { extractRows } from './rows';

/** What publishing needs of the lead's unlocked workspace. */
export interface PublishingLead {
  store: CaseStore;
  secrets: LeadSecrets;
  casework: Casework;
  readonly calendar: SchoolCalendar;
}

export interface PublishInput {
  lead: PublishingLead;
  /** The school profile as this computer trusts it (verified against its pin). */
  profile: SchoolProfile;
  /** The share; by default the one the case store belongs to. */
  share?: Share;
  now?: Date;
}

/** What was published: counts, where, and how long each step took. Never content. */
export interface PublishResult {
  /** The file's name in `<share>/extracts/`. */
  file: string;
  share: string;
  rows: number;
  /** Size of the sealed file. */
  bytes: number;
  /** How many office recipients and leads it is sealed to. */
  sealedTo: { office: number; leads: number };
  /** The body's producedAt (to the hour). */
  producedAt: string;
  /** This lead's earlier extracts removed from the share. */
  removed: number;
  /** Milliseconds: rows from the store; body, signature and gzip; age; the share. */
  timings: { rowsMs: number; packMs: number; sealMs: number; writeMs: number; totalMs: number };
}

/** Builds, signs, seals and writes this lead's extract; see the module comment. */
export async function publishExtract(input: PublishInput): Promise<PublishResult> {
  const started = performance.now();
  const { lead, profile } = input;
  const now = input.now ?? new Date();
  const settings = lead.store.settings.get();
  if (settings === null) {
    throw new SafeguardError('not-a-lead', 'This home folder has no case store set up.');
  }
  if (settings.schoolId !== profile.schoolId) {
    throw new SafeguardError(
      'wrong-school',
      'The school profile is not the school this case store belongs to.',
    );
  }
  const self = profile.recipients.find((r) => r.id === lead.secrets.recipientId);
  if (self === undefined || self.role === 'office') {
    throw new SafeguardError(
      'not-on-profile',
      'Only a safeguarding lead on the school profile can publish the figures.',
    );
  }
  const office = profile.recipients.filter((r) => r.role === 'office');
  const leads = profile.recipients.filter((r) => r.role !== 'office');
  if (office.length === 0) {
    throw new SafeguardError(
      'no-office-recipient',
      'No office user is on the school profile yet, so nobody could read the figures: add one in the School screen (role: office), then publish.',
    );
  }

  const rows = extractRows(lead.store, {
    calendar: lead.calendar,
    recordKey: recordKeyOf(lead.secrets.signingKey),
    now,
  });
  // Sorted by content, so a row's place says nothing about which concern it is or when it came.
  const texts = rows.map((row) => JSON.stringify(row)).sort();
  const rowsDone = performance.now();

  const producedAt = toTheHour(now);
  const body = bodyText({
    producedAt,
    publishedBy: lead.secrets.recipientId,
    schoolId: profile.schoolId,
    schoolName: profile.schoolName,
    terms: lead.calendar.terms.map((t) => ({ end: t.end, start: t.start })),
    rows: texts,
  });
  const packed = packExtract(body, {
    recipientId: lead.secrets.recipientId,
    sign: createSigner(lead.secrets.signingKey),
  });
  const packDone = performance.now();

  const sealed = await sealToRecipients(packed, [
    ...office.map((r) => r.ageRecipient),
    ...leads.map((r) => r.ageRecipient),
  ]);
  const sealDone = performance.now();

  const share = input.share ?? openShare(settings.sharePath);
  const file = await share.writeExtractFile(sealed);
  lead.store.transaction(() => {
    lead.store.extracts.add({ file, publishedAt: now.toISOString(), rowCount: rows.length });
    lead.casework.audit('extract-published', { file, rows: rows.length });
  });
  let removed = 0;
  for (const old of lead.store.extracts.superseded(file)) {
    // Best effort: a file left behind is superseded anyway, and tried again next time.
    const gone = await share.removeExtractFile(old).then(
      () => true,
      () => false,
    );
    if (!gone) continue;
    lead.store.extracts.markRemoved(old, now.toISOString());
    removed++;
  }
  const writeDone = performance.now();
  return {
    file,
    share: share.root,
    rows: rows.length,
    bytes: sealed.length,
    sealedTo: { office: office.length, leads: leads.length },
    producedAt,
    removed,
    timings: {
      rowsMs: rowsDone - started,
      packMs: packDone - rowsDone,
      sealMs: sealDone - packDone,
      writeMs: writeDone - sealDone,
      totalMs: writeDone - started,
    },
  };
}

/** An instant truncated to the hour, as ISO 8601 UTC ("2026-11-23T16:00:00.000Z"). */
export function toTheHour(at: Date): string {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}

/**
 * The body's canonical JSON, the rows already written (each canonical, keys in order): the
 * other fields are put in code-point order around them.
 */
function bodyText(fields: {
  producedAt: string;
  publishedBy: string;
  schoolId: string;
  schoolName: string;
  terms: Array<{ end: string; start: string }>;
  rows: readonly string[];
}): Buffer {
  const head: Omit<ExtractBody, 'rows' | 'schoolId' | 'schoolName' | 'terms'> = {
    format: EXTRACT_FORMAT,
    formatVersion: EXTRACT_FORMAT_VERSION,
    producedAt: fields.producedAt,
    publishedBy: fields.publishedBy,
  };
  const tail = { schoolId: fields.schoolId, schoolName: fields.schoolName, terms: fields.terms };
  const text =
    `${JSON.stringify(head).slice(0, -1)},"rows":[${fields.rows.join(',')}],` +
    JSON.stringify(tail).slice(1);
  return Buffer.from(text, 'utf8');
}
