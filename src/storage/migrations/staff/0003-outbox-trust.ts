import type { Migration } from '../../database';

/**
 * Staff store v3: whom each concern was sealed to (only those leads may acknowledge it), whether
 * it was sealed to the pinned profile because the share's could not be trusted, how often it was
 * delivered again after going missing from the share; and the share profile's last trust problem.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'outbox-trust',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN sealed_to TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE outbox ADD COLUMN profile_warning TEXT;
      ALTER TABLE outbox ADD COLUMN redeliveries INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE enrolment ADD COLUMN profile_problem TEXT;
      ALTER TABLE enrolment ADD COLUMN profile_problem_at TEXT;
    `);
  },
};
