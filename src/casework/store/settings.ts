/** Which share, school and recipient this case store belongs to. */
import type { Db } from '../../storage/database';

export interface LeadSettings {
  sharePath: string;
  schoolId: string;
  recipientId: string;
}

/** The lead_settings table: one row. */
export class SettingsTable {
  constructor(private readonly db: Db) {}

  get(): LeadSettings | null {
    const row = this.db
      .prepare('SELECT share_path, school_id, recipient_id FROM lead_settings')
      .get() as { share_path: string; school_id: string; recipient_id: string } | undefined;
    return row
      ? { sharePath: row.share_path, schoolId: row.school_id, recipientId: row.recipient_id }
      : null;
  }

  save(s: LeadSettings): void {
    this.db
      .prepare(
        `INSERT INTO lead_settings (singleton, share_path, school_id, recipient_id) VALUES (1, ?, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET share_path = excluded.share_path, school_id = excluded.school_id,
           recipient_id = excluded.recipient_id`,
      )
      .run(s.sharePath, s.schoolId, s.recipientId);
  }
}
