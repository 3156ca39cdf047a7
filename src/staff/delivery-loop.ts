/**
 * Background delivery: "this computer keeps trying on its own" made true. A round delivers what
 * is queued, then reads acknowledgements and re-queues delivered concerns gone from the share.
 * Rounds run at start, when asked (after filing, "Try sending again"), and on a timer: quickly
 * growing waits while something is queued (so a share that comes back is noticed), a slower
 * re-check while something awaits acknowledgement, a slow one otherwise (another process on this
 * computer may have queued something).
 */
import { SafeguardError } from '../errors';
import type { FolderShareOptions } from '../share';
import { deliverPending, refreshAcknowledgements, requeueMissing } from './delivery';
import { trustedProfile } from './enrolment';
import type { StaffStore } from './store';

export interface DeliveryLoopOptions {
  /** Waits between rounds while something is queued, growing to the last one (ms). */
  backoffMs?: readonly number[];
  /** Wait between rounds while delivered concerns await acknowledgement (ms). */
  recheckMs?: number;
  /** Wait between rounds when nothing is outstanding, for concerns queued by another process. */
  idleMs?: number;
  /** Time limits of the share operations of a round. */
  share?: FolderShareOptions;
  now?: () => Date;
  /** Called after every round (a CLI prints it; the app may refresh). */
  onRound?: (report: RoundReport) => void;
}

/** What one round did. */
export interface RoundReport {
  at: string;
  delivered: number;
  acknowledged: number;
  requeued: number;
  pending: number;
  awaiting: number;
  /** The share's problem this round, in words (never content), or null. */
  error: string | null;
}

/** Where delivery stands, for the home screen and `outbox`. */
export interface DeliveryStatus {
  pending: number;
  awaiting: number;
  lastRoundAt: string | null;
  lastError: string | null;
  nextRoundAt: string | null;
}

export const DEFAULT_BACKOFF_MS = [5_000, 10_000, 30_000, 60_000, 120_000] as const;
export const DEFAULT_RECHECK_MS = 120_000;
export const DEFAULT_IDLE_MS = 300_000;

export class DeliveryLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RoundReport> | null = null;
  private again = false;
  private stopped = false;
  /** Only a started loop keeps a timer; a one-off round (the CLI's `deliver`) leaves none. */
  private started = false;
  private failures = 0;
  private rounds = 0;
  private last: RoundReport | null = null;
  private nextAt: Date | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly store: StaffStore,
    private readonly options: DeliveryLoopOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Starts: a first round now (start-up), then on the timer. */
  start(): void {
    this.started = true;
    this.kick();
  }

  /** Asks for a round as soon as possible; one already running is followed by another. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runRound().catch(() => undefined);
  }

  /** Runs one round now (or waits for the one running) and returns its report. */
  runRound(): Promise<RoundReport> {
    if (this.running) return this.running;
    this.clearTimer();
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.stopped || !this.started) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.schedule();
      }
    });
    return this.running;
  }

  /**
   * Runs a round that starts after this call (waiting for one already under way, which may have
   * started before the caller's concern was queued) and returns its report.
   */
  async runFreshRound(): Promise<RoundReport> {
    await this.running?.catch(() => undefined);
    return this.runRound();
  }

  status(): DeliveryStatus {
    const counts = this.store.counts();
    return {
      ...counts,
      lastRoundAt: this.last?.at ?? null,
      lastError: this.last?.error ?? null,
      nextRoundAt: this.nextAt?.toISOString() ?? null,
    };
  }

  /** True when a round finished less than `ms` ago. */
  ranWithin(ms: number): boolean {
    return this.last !== null && this.now().getTime() - Date.parse(this.last.at) < ms;
  }

  /** Stops the timer at once (a round in progress ends on its own; its result is dropped). */
  halt(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** Stops the timer and waits for a round in progress. */
  async stop(): Promise<void> {
    this.halt();
    await this.running?.catch(() => undefined);
  }

  private async round(): Promise<RoundReport> {
    const share = this.options.share ?? {};
    let error: string | null = null;
    let delivered = 0;
    let acknowledged = 0;
    let requeued = 0;
    try {
      // What the share's profile says now, so the home screen's "tell the DSL" is current.
      await trustedProfile(this.store, this.now(), share).catch(() => null);
      // The first round also clears temp files a killed process of ours left on the share.
      const first = await deliverPending(this.store, this.now(), {
        ...share,
        sweep: this.rounds++ === 0,
      });
      delivered += first.delivered;
      error = first.error;
      if (first.error === null) {
        acknowledged = await refreshAcknowledgements(this.store, share);
        requeued = await requeueMissing(this.store, share);
        if (requeued > 0) {
          const second = await deliverPending(this.store, this.now(), share);
          delivered += second.delivered;
          error = second.error;
        }
      }
    } catch (e) {
      error ??= e instanceof SafeguardError ? e.message : 'The share could not be used.';
    }
    const counts = this.store.counts();
    this.failures = counts.pending > 0 ? this.failures + 1 : 0;
    const report: RoundReport = {
      at: this.now().toISOString(),
      delivered,
      acknowledged,
      requeued,
      ...counts,
      error,
    };
    this.last = report;
    this.options.onRound?.(report);
    return report;
  }

  private schedule(): void {
    const { pending, awaiting } = this.store.counts();
    let wait = this.options.idleMs ?? DEFAULT_IDLE_MS;
    if (pending > 0) {
      const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
      wait = backoff[Math.min(this.failures - 1, backoff.length - 1)] ?? backoff.at(-1) ?? 60_000;
    } else if (awaiting > 0) {
      wait = this.options.recheckMs ?? DEFAULT_RECHECK_MS;
    }
    this.nextAt = new Date(this.now().getTime() + wait);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }
}
