/**
 * The composed core for one local user: opens the local stores and returns the API handlers.
 * Built by hand here (no registry); main/ and the web host each call openDesk once.
 */
import type { ApiHandlers } from '../api/contract';
import type { DeliveryLoopOptions } from '../staff';
import type { KeyProvider } from '../storage/key-provider';

export interface DeskOptions {
  /** The per-user state folder ($SAFEGUARD_DESK_HOME or the OS app-data folder). */
  home: string;
  keyProvider: KeyProvider;
  /** Background delivery's timing (tests shorten it); defaults suit a school network. */
  delivery?: Omit<DeliveryLoopOptions, 'onRound' | 'now'>;
}

export interface Desk {
  handlers: ApiHandlers;
  close(): void;
}

/** Opens the core for one user. (Implemented with the staff store; see src/desk/desk.ts.) */
export { openDesk } from './desk';
