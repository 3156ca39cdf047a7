import type { Migration } from '../../database';
import { migration0001 } from './0001-initial';

/** Every staff-store migration, oldest first. */
export const staffMigrations: readonly Migration[] = [migration0001];
