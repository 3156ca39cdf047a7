/**
 * One user's session with the core: opens their local stores and mounts the roles they hold —
 * the staff role always, the lead role when they hold a lead identity, the office role when they
 * hold an office identity (each answering `locked` until it is unlocked). Built by hand here (no
 * registry); main/ and the web host each open one.
 */
import { join } from 'node:path';
import type { ApiHandlers } from '../api/contract';
import { appHandlers } from '../api/handlers/app';
import { concernsHandlers } from '../api/handlers/concerns';
import { draftsHandlers } from '../api/handlers/drafts';
import { formsHandlers } from '../api/handlers/forms';
import { leadCaseHandlers } from '../api/handlers/lead-cases';
import { leadExtractHandlers } from '../api/handlers/lead-extract';
import { leadPassphraseHandlers } from '../api/handlers/lead-passphrase';
import { leadPeopleHandlers } from '../api/handlers/lead-people';
import { leadSettingsHandlers } from '../api/handlers/lead-settings';
import { leadSessionHandlers } from '../api/handlers/lead-session';
import { officeHandlers } from '../api/handlers/office';
import { receiptsHandlers } from '../api/handlers/receipts';
import { schoolPosterHandlers } from '../api/handlers/school-poster';
import { schoolContactsHandlers, schoolHandlers } from '../api/handlers/school';
import { setupHandlers } from '../api/handlers/setup';
import { FILING_SHARE_TIMEOUT_MS } from '../concerns';
import { FormRegistry } from '../forms';
import { enrolFromMachineSettings, machineSettingsFile, readMachineSettings } from '../machine';
import { currentProfile } from '../school/changes';
import {
  DeliveryLoop,
  DraftKeyRing,
  openStaffStore,
  removeExpiredDrafts,
  type DeliveryLoopOptions,
} from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { LeadSession } from './lead-session';
import { OfficeSession } from './office-session';

export interface SessionOptions {
  /** The per-user state folder ($SAFEGUARD_DESK_HOME or the OS app-data folder). */
  home: string;
  keyProvider: KeyProvider;
  /** Background delivery's timing (tests shorten it); defaults suit a school network. */
  delivery?: Omit<DeliveryLoopOptions, 'onRound' | 'now'>;
  /** Told the counts of new concerns a lead's background import brought (for a notification). */
  onNewConcerns?: (counts: { imported: number; urgent: number }) => void;
  /** IT's machine settings file; default machineSettingsFile(); null to ignore it. */
  machineFile?: string | null;
  /** Delay after the last casework change before the office's extract is published (tests). */
  publishAfterMs?: number;
  /** One line for IT's logs (default: stderr); never content. */
  log?: (line: string) => void;
  /** Opens a folder dialog for first-run set-up (the app); absent in the web host. */
  pickFolder?: () => Promise<string | null>;
  /** The share IT configured for this computer, offered at first run. */
  suggestedShare?: string | null;
}

export interface Session {
  handlers: ApiHandlers;
  close(): void;
}

/**
 * Opens the staff store and forms, starts background delivery (a round now, then on its timer)
 * once this computer is enrolled — at once, or when first-run set-up enrols it — and returns every
 * operation's handler. The lead role follows the lead identity on disk, so a lead who joins or
 * sets a school up in this session finds it mounted (locked) without a restart.
 */
export async function openSession(options: SessionOptions): Promise<Session> {
  const forms = FormRegistry.load({ customDir: join(options.home, 'forms') });
  const store = await openStaffStore(options.home, options.keyProvider);
  removeExpiredDrafts(store, new Date());
  // A computer IT prepared enrols itself on first start, if the share shows the expected code.
  const machine =
    options.machineFile === null
      ? ({ outcome: 'nothing' } as const)
      : await enrolFromMachineSettings({
          store,
          file: options.machineFile ?? machineSettingsFile(),
          now: new Date(),
          share: { timeoutMs: FILING_SHARE_TIMEOUT_MS },
          log: options.log ?? ((line) => process.stderr.write(`safeguard-desk: ${line}\n`)),
        });
  // The share IT named is offered at first run, even when it could not be used on its own.
  const machineRead =
    options.machineFile === null || store.enrolment() !== null
      ? null
      : await readMachineSettings(options.machineFile ?? machineSettingsFile());
  const suggestedShare =
    options.suggestedShare ?? (machineRead?.state === 'ok' ? machineRead.settings.share : null);
  const delivery = new DeliveryLoop(store, {
    share: { timeoutMs: FILING_SHARE_TIMEOUT_MS },
    ...options.delivery,
  });
  let delivering = false;
  const startDeliveryOnceEnrolled = () => {
    if (delivering || store.enrolment() === null) return;
    delivering = true;
    delivery.start();
  };
  startDeliveryOnceEnrolled();
  // Draft keys and the unlocked lead live in this process only: a restart starts locked.
  const draftKeys = new DraftKeyRing();
  const lead = new LeadSession({
    home: options.home,
    keyProvider: options.keyProvider,
    forms,
    profile: () => currentProfile(store, new Date()),
    ...(options.onNewConcerns ? { onNewConcerns: options.onNewConcerns } : {}),
    ...(options.publishAfterMs !== undefined ? { publishAfterMs: options.publishAfterMs } : {}),
  });
  // The office role follows the office identity on disk, like the lead's.
  const office = new OfficeSession({ home: options.home, store, forms });
  const handlers: ApiHandlers = {
    ...appHandlers({
      home: options.home,
      store,
      draftKeys,
      machineSetting: () => ('message' in machine ? machine.message : null),
    }),
    ...formsHandlers({ forms }),
    ...concernsHandlers({ store, forms, delivery, draftKeys }),
    ...receiptsHandlers({ store, forms, delivery }),
    ...draftsHandlers({ store, forms, draftKeys }),
    ...schoolPosterHandlers({ store }),
    ...leadSessionHandlers({ lead }),
    ...leadPassphraseHandlers({ lead }),
    ...leadCaseHandlers({ lead, forms }),
    ...leadPeopleHandlers({ lead, forms }),
    ...leadSettingsHandlers({ lead }),
    ...officeHandlers({ office }),
    ...leadExtractHandlers({ lead }),
    ...schoolContactsHandlers({ store }),
    ...schoolHandlers({ lead, store }),
    ...setupHandlers({
      home: options.home,
      keyProvider: options.keyProvider,
      store,
      pickFolder: options.pickFolder,
      suggestedShare,
      onSetUp: startDeliveryOnceEnrolled,
    }),
  };
  return {
    handlers,
    close: () => {
      delivery.halt();
      draftKeys.forgetAll();
      lead.close();
      office.lock();
      store.close();
    },
  };
}
