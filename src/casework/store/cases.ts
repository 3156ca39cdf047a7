/**
 * The cases: one per imported concern (idempotent by concern id), its answers in rows, its
 * attachments, its "imported" event, and the acknowledgement written for its reporter.
 */
import type { ConcernDocument } from '../../concerns';
import type { Db } from '../../storage/database';

export interface CaseSummary {
  reference: string;
  kind: 'concern' | 'contact-log';
  urgency: 'urgent' | 'normal';
  concernId: string;
  formId: string;
  formVersion: number;
  reporterName: string;
  reporterRole: string;
  filedAt: string;
  importedAt: string;
}

export interface CaseDetail extends CaseSummary {
  deviceId: string;
  aboutRecipientId: string | null;
  answers: Array<{ fieldId: string; value: unknown }>;
  attachments: Array<{
    fieldId: string;
    name: string;
    mediaType: string;
    size: number;
    sha256: string;
  }>;
}

/** A verified concern ready to become a case. */
export interface NewCase {
  document: ConcernDocument;
  kind: 'concern' | 'contact-log';
  signedDocument: string;
  attachments: Map<string, Buffer>;
  sourceFile: string;
  sourceSha256: string;
  importedAt: string;
  author: string;
}

type InsertStatements = ReturnType<typeof prepareInserts>;

function prepareInserts(db: Db) {
  return {
    case: db.prepare(
      `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role, device_id,
         filed_at, imported_at, source_file, source_sha256, signed_document, kind, urgency, about_recipient_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    answer: db.prepare(
      'INSERT INTO case_answers (concern_id, position, field_id, value_json) VALUES (?, ?, ?, ?)',
    ),
    attachment: db.prepare(
      `INSERT INTO case_attachments (concern_id, field_id, position, name, media_type, size, sha256, content)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: db.prepare('INSERT INTO events (concern_id, kind, author, at) VALUES (?, ?, ?, ?)'),
    unquarantine: db.prepare('DELETE FROM quarantine WHERE file = ?'),
    unskip: db.prepare('DELETE FROM skipped_files WHERE file = ?'),
    hasConcern: db.prepare('SELECT 1 FROM cases WHERE concern_id = ?'),
    hasReference: db.prepare('SELECT 1 FROM cases WHERE reference = ?'),
  };
}

function insertOne(st: InsertStatements, input: NewCase): void {
  const d = input.document;
  st.case.run(
    d.concernId,
    d.reference,
    d.form.id,
    d.form.version,
    d.reporter.name,
    d.reporter.role,
    d.device.id,
    d.times.writtenAt,
    input.importedAt,
    input.sourceFile,
    input.sourceSha256,
    input.signedDocument,
    input.kind,
    d.urgency,
    d.about?.id ?? null,
  );
  Object.entries(d.answers).forEach(([fieldId, value], position) => {
    st.answer.run(d.concernId, position, fieldId, JSON.stringify(value));
    if (!Array.isArray(value)) return;
    value.forEach((item: unknown, index) => {
      const meta = item as {
        name?: unknown;
        mediaType?: unknown;
        size?: unknown;
        sha256?: unknown;
      };
      if (typeof meta.sha256 !== 'string') return;
      const content = input.attachments.get(meta.sha256);
      if (!content) return;
      st.attachment.run(
        d.concernId,
        fieldId,
        index,
        meta.name,
        meta.mediaType,
        meta.size,
        meta.sha256,
        content,
      );
    });
  });
  st.event.run(d.concernId, 'imported', input.author, input.importedAt);
  st.unquarantine.run(input.sourceFile);
  st.unskip.run(input.sourceFile);
}

/** The cases, their answers and attachments. */
export class CasesTable {
  private inserts: InsertStatements | null = null;

  constructor(private readonly db: Db) {}

  private statements(): InsertStatements {
    this.inserts ??= prepareInserts(this.db);
    return this.inserts;
  }

  /** Source file names already imported, for skipping them cheaply. */
  importedFiles(): Set<string> {
    const rows = this.db.prepare('SELECT source_file FROM cases').pluck().all() as string[];
    return new Set(rows);
  }

  hasConcern(concernId: string): boolean {
    return this.statements().hasConcern.get(concernId) !== undefined;
  }

  hasReference(reference: string): boolean {
    return this.statements().hasReference.get(reference) !== undefined;
  }

  /**
   * Inserts verified concerns as new cases, each with its "imported" event, all in one
   * transaction: a batch is either stored whole or not at all (then the share still has the files).
   * A concern already held is passed over, never an error; returns the ids inserted.
   */
  insertCases(inputs: readonly NewCase[], alsoInTransaction?: (input: NewCase) => void): string[] {
    const st = this.statements();
    return this.db
      .transaction(() => {
        const inserted: string[] = [];
        for (const input of inputs) {
          if (this.hasConcern(input.document.concernId)) continue;
          insertOne(st, input);
          alsoInTransaction?.(input);
          inserted.push(input.document.concernId);
        }
        return inserted;
      })
      .immediate();
  }

  /** One attachment's bytes and type, or null. */
  attachment(concernId: string, sha256: string): { mediaType: string; content: Buffer } | null {
    const row = this.db
      .prepare(
        'SELECT media_type, content FROM case_attachments WHERE concern_id = ? AND sha256 = ? LIMIT 1',
      )
      .get(concernId, sha256) as { media_type: string; content: Buffer } | undefined;
    return row ? { mediaType: row.media_type, content: row.content } : null;
  }

  /** A case's concern document as signed by the reporter's device (JSON), or null. */
  signedDocument(concernId: string): string | null {
    return (
      (this.db
        .prepare('SELECT signed_document FROM cases WHERE concern_id = ?')
        .pluck()
        .get(concernId) as string | undefined) ?? null
    );
  }

  /** The concern id of a reference, or null. */
  idOf(reference: string): string | null {
    return (
      (this.db
        .prepare('SELECT concern_id FROM cases WHERE reference = ?')
        .pluck()
        .get(reference) as string | undefined) ?? null
    );
  }

  /**
   * Concerns whose acknowledgement this lead still owes: never written (an import killed before
   * it got there), or written but no longer among `onShare`.
   */
  owedAcknowledgements(onShare: ReadonlySet<string>): string[] {
    // Acknowledged means opened: only cases a lead has opened are owed an acknowledgement.
    const rows = this.db
      .prepare(
        `SELECT c.concern_id, c.ack_file FROM cases c JOIN case_state s ON s.case_id = c.concern_id
         WHERE s.opened = 1 ORDER BY c.imported_at, c.concern_id`,
      )
      .all() as Array<{ concern_id: string; ack_file: string | null }>;
    return rows
      .filter((r) => r.ack_file === null || !onShare.has(r.ack_file))
      .map((r) => r.concern_id);
  }

  /** How many cases have had no acknowledgement written yet. */
  neverAcknowledged(): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM cases c JOIN case_state s ON s.case_id = c.concern_id
         WHERE s.opened = 1 AND c.ack_file IS NULL`,
      )
      .pluck()
      .get() as number;
  }

  /** Records the acknowledgement files written for cases, in one transaction. */
  setAckFiles(entries: ReadonlyArray<{ concernId: string; name: string }>): void {
    const update = this.db.prepare('UPDATE cases SET ack_file = ? WHERE concern_id = ?');
    this.db
      .transaction(() => {
        for (const e of entries) update.run(e.name, e.concernId);
      })
      .immediate();
  }

  list(): CaseSummary[] {
    return (
      this.db.prepare(`${SUMMARY_SELECT} ORDER BY filed_at DESC, reference`).all() as SummaryRow[]
    ).map(toSummary);
  }

  /** One case with every answer, by its reference, or null. */
  byReference(reference: string): CaseDetail | null {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE reference = ?`).get(reference) as
      SummaryRow | undefined;
    return row ? this.detail(row) : null;
  }

  /** One case with every answer, by its concern id, or null. */
  byConcernId(concernId: string): CaseDetail | null {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE concern_id = ?`).get(concernId) as
      SummaryRow | undefined;
    return row ? this.detail(row) : null;
  }

  private detail(row: SummaryRow): CaseDetail {
    const answers = (
      this.db
        .prepare(
          'SELECT field_id, value_json FROM case_answers WHERE concern_id = ? ORDER BY position',
        )
        .all(row.concern_id) as Array<{ field_id: string; value_json: string }>
    ).map((a) => ({ fieldId: a.field_id, value: JSON.parse(a.value_json) as unknown }));
    const attachments = (
      this.db
        .prepare(
          `SELECT field_id, name, media_type, size, sha256 FROM case_attachments WHERE concern_id = ?
           ORDER BY field_id, position`,
        )
        .all(row.concern_id) as Array<{
        field_id: string;
        name: string;
        media_type: string;
        size: number;
        sha256: string;
      }>
    ).map((a) => ({
      fieldId: a.field_id,
      name: a.name,
      mediaType: a.media_type,
      size: a.size,
      sha256: a.sha256,
    }));
    return {
      ...toSummary(row),
      deviceId: row.device_id,
      aboutRecipientId: row.about_recipient_id,
      answers,
      attachments,
    };
  }
}

const SUMMARY_SELECT = `SELECT concern_id, reference, form_id, form_version, reporter_name, reporter_role, device_id,
  filed_at, imported_at, kind, urgency, about_recipient_id FROM cases`;

interface SummaryRow {
  kind: 'concern' | 'contact-log';
  urgency: 'urgent' | 'normal';
  about_recipient_id: string | null;
  concern_id: string;
  reference: string;
  form_id: string;
  form_version: number;
  reporter_name: string;
  reporter_role: string;
  device_id: string;
  filed_at: string;
  imported_at: string;
}

function toSummary(r: SummaryRow): CaseSummary {
  return {
    reference: r.reference,
    kind: r.kind,
    urgency: r.urgency,
    concernId: r.concern_id,
    formId: r.form_id,
    formVersion: r.form_version,
    reporterName: r.reporter_name,
    reporterRole: r.reporter_role,
    filedAt: r.filed_at,
    importedAt: r.imported_at,
  };
}
