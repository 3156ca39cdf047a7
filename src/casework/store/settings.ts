/** Which share, school and recipient this case store belongs to, and the school's calendar. */
import { SafeguardError } from '../../errors';
import type { Db } from '../../storage/database';
import { calendarSettingsSchema, type CalendarSettings } from '../calendar';

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

  /** The school's term dates and closure days as last set (none until a lead sets them). */
  calendar(): CalendarSettings {
    const json = this.db.prepare('SELECT settings_json FROM calendar_settings').pluck().get() as
      string | undefined;
    if (json === undefined) return { terms: [], closureDays: [] };
    const parsed = calendarSettingsSchema.safeParse(JSON.parse(json));
    if (!parsed.success) {
      throw new SafeguardError(
        'store-unreadable',
        'The school calendar in the case store is not valid; set it again with "lead calendar set".',
      );
    }
    return parsed.data;
  }

  /** Replaces the school's calendar (already checked by `calendarSettingsSchema`). */
  saveCalendar(settings: CalendarSettings, at: string, by: string): void {
    this.db
      .prepare(
        `INSERT INTO calendar_settings (singleton, settings_json, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET settings_json = excluded.settings_json,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(JSON.stringify(settings), at, by);
  }
}
