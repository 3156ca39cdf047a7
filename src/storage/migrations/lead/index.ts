import type { Migration } from '../../database';
import { migration0001 } from './0001-initial';

/** Every lead-store migration, oldest first. */
export const leadMigrations: readonly Migration[] = [migration0001];
