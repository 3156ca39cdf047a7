import type { Migration } from '../../database';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-drafts-receipts';
import { migration0003 } from './0003-outbox-trust';
import { migration0004 } from './0004-sealed-drafts';
import { migration0005 } from './0005-office-unlock-attempts';

/** Every staff-store migration, oldest first. */
export const staffMigrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
