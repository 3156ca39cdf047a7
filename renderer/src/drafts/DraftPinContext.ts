/**
 * What the draft PIN panel needs from the form being filled, handed down by ReportSession so the
 * panel sits beside the draft status line without threading props through the form's steps.
 */
import { createContext } from 'react';
import type { BridgeFailure } from '../bridge';

export interface DraftPinState {
  /** The draft has been saved at least once (it has an id in the core). */
  saved: boolean;
  /** A draft PIN protects it. */
  isProtected: boolean;
  /** Sets the PIN; resolves with a failure to show, or null once set. */
  protect: (pin: string) => Promise<BridgeFailure | null>;
}

export const DraftPinContext = createContext<DraftPinState | null>(null);
