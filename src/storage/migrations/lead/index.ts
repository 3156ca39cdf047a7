import type { Migration } from '../../database';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-kind-urgency';

/** Every lead-store migration, oldest first. */
export const leadMigrations: readonly Migration[] = [migration0001, migration0002];
