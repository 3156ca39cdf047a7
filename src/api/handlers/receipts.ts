/** "My receipts": what this computer sent and where it stands; and "Try sending again". */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HandlersOf } from '../contract';
import { SafeguardError } from '../../errors';
import type { FormRegistry } from '../../forms';
import { listReceipts, type DeliveryLoop, type StaffStore } from '../../staff';

/** A round of delivery is not repeated for "My receipts" within this long of the last one. */
const RECEIPTS_FRESH_MS = 3_000;
/** "My receipts" waits this long, at most, for that round before showing what it knows. */
const RECEIPTS_WAIT_MS = 2_000;

/** `receipts.list`, `receipts.status` and `outbox.deliver` over the outbox and its delivery. */
export function receiptsHandlers(deps: {
  store: StaffStore;
  forms: FormRegistry;
  delivery: DeliveryLoop;
}): HandlersOf<'receipts.list' | 'receipts.status' | 'outbox.deliver'> {
  const { store, forms, delivery } = deps;
  return {
    // Looks at the share first (acknowledgements, re-delivery), unless a round has just run.
    'receipts.list': async () => {
      if (store.enrolment() && !delivery.ranWithin(RECEIPTS_FRESH_MS)) {
        // A share that answers slowly must not hold the screen: the round goes on regardless.
        await Promise.race([delivery.runRound(), sleep(RECEIPTS_WAIT_MS)]);
      }
      return listReceipts(store, forms);
    },
    'receipts.status': ({ reference }) => {
      const row = listReceipts(store, forms).find((r) => r.reference === reference);
      if (!row) throw new SafeguardError('unknown-reference', 'No receipt has that reference.');
      return Promise.resolve({ reference: row.reference, status: row.status });
    },
    'outbox.deliver': async () => {
      const round = await delivery.runFreshRound();
      return { delivered: round.delivered, pending: round.pending, error: round.error };
    },
  };
}
