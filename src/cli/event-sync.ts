/**
 * Casework between leads on the command line: `lead import` receives other leads' events and
 * delivers this lead's; every other command that opens the workspace delivers what it recorded
 * before it closes (or leaves it queued for the next command or the app, when the share is away).
 */
import type { Workspace } from '../casework';
import {
  deliverEvents,
  receiveEvents,
  shareWithNewLeads,
  type DeliverResult,
  type ReceiveResult,
} from '../casework/sync';
import type { SchoolProfile } from '../school/profile';
import { openStaffStore, trustedProfile } from '../staff';
import type { CommandContext } from './context';

export interface EventSyncResult {
  received: ReceiveResult;
  /** Cases this lead shared with leads added to the school since they were filed. */
  shared: number;
  delivered: DeliverResult;
}

/** The school profile this computer trusts now (the pinned one when the share is away). */
async function profileNow(ctx: CommandContext): Promise<SchoolProfile> {
  const staff = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    return (await trustedProfile(staff, new Date())).profile;
  } finally {
    staff.close();
  }
}

/** Delivers this lead's queued events; quiet, and never fails the command for the share. */
export async function deliverQueued(ctx: CommandContext, workspace: Workspace): Promise<void> {
  if (workspace.store.sync.pendingCount() === 0) return;
  try {
    const profile = await profileNow(ctx);
    await deliverEvents({ store: workspace.store, secrets: workspace.secrets, profile });
  } catch {
    // Queued still: the next command, import or the app delivers them.
  }
}

/** Receives other leads' events, then delivers this lead's. */
export async function syncEvents(
  ctx: CommandContext,
  workspace: Workspace,
): Promise<EventSyncResult> {
  const profile = await profileNow(ctx);
  workspace.profileChanged(profile);
  const received = await receiveEvents({ lead: workspace });
  const shared = shareWithNewLeads(
    { store: workspace.store, casework: workspace.casework, self: workspace.secrets.recipientId },
    profile,
    new Date(),
  );
  const delivered = await deliverEvents({
    store: workspace.store,
    secrets: workspace.secrets,
    profile,
  });
  return { received, shared, delivered };
}
