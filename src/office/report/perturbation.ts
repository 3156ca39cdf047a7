/**
 * Cell-key perturbation (the ONS method, docs/disclosure-control.md): every published figure
 * other than zero is moved by at most 2, by an amount read from a fixed table with the figure's
 * cell key — the sum of its concerns' record keys, mod 256. The same concerns always give the
 * same key, so the same figure in any report, on any day: asking again cannot average the noise
 * away, and a figure got by subtracting others carries their noise with it.
 */
import type { Tally } from './tally';

/** The most any figure moves, either way: what an attacker may assume. */
export const MAX_PERTURBATION = 2;

/**
 * The p-table: cell keys 0–255 in five bands, each with its perturbation. 16 + 64 + 96 + 64 + 16
 * keys, so the amount has mean 0 and variance 1 for a key spread evenly over 0–255.
 */
export const P_TABLE: readonly { fromKey: number; toKey: number; perturbation: number }[] = [
  { fromKey: 0, toKey: 15, perturbation: -2 },
  { fromKey: 16, toKey: 79, perturbation: -1 },
  { fromKey: 80, toKey: 175, perturbation: 0 },
  { fromKey: 176, toKey: 239, perturbation: 1 },
  { fromKey: 240, toKey: 255, perturbation: 2 },
];

const byKey: readonly number[] = Array.from(
  { length: 256 },
  (_, key) => P_TABLE.find((band) => band.fromKey <= key && key <= band.toKey)!.perturbation,
);

/** The cell key of a figure: the sum of its concerns' record keys, mod 256. */
export function cellKey(tally: Tally): number {
  return tally.keySum % 256;
}

/**
 * The published value of a figure that may be shown (zero, or at least the threshold): zero stays
 * zero, and anything else moves by the p-table but never below the threshold.
 */
export function perturbedCount(tally: Tally, threshold: number): number {
  if (tally.count === 0) return 0;
  if (tally.count < threshold) {
    // Only suppression.ts decides what is shown; a figure below the threshold never is.
    throw new Error('A figure below the threshold cannot be published.');
  }
  return Math.max(threshold, tally.count + byKey[cellKey(tally)]!);
}
