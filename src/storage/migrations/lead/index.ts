import type { Migration } from '../../database';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-kind-urgency';
import { migration0003 } from './0003-acks-seen-files';
import { migration0004 } from './0004-casework';
import { migration0005 } from './0005-calendar';
import { migration0006 } from './0006-search-ids';
import { migration0007 } from './0007-events-by-case';
import { migration0008 } from './0008-extract-figures';
import { migration0009 } from './0009-event-sync';
import { migration0010 } from './0010-shared-with-new-leads';
import { migration0011 } from './0011-case-state-by-case';

/** Every lead-store migration, oldest first. */
export const leadMigrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];
