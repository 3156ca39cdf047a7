/**
 * Cell-key perturbation (src/office/report/perturbation.ts): the p-table as documented, zeros
 * untouched, nothing pushed below the threshold, and the same concerns always the same figure.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_PERTURBATION,
  P_TABLE,
  cellKey,
  perturbedCount,
} from '../../../src/office/report/perturbation';

const perturbationAt = (key: number) =>
  P_TABLE.find((band) => band.fromKey <= key && key <= band.toKey)!.perturbation;

describe('the p-table', () => {
  it('gives every cell key from 0 to 255 exactly one amount', () => {
    const keys = P_TABLE.flatMap((b) =>
      Array.from({ length: b.toKey - b.fromKey + 1 }, (_, i) => b.fromKey + i),
    );
    expect(keys).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('moves a figure by at most MAX_PERTURBATION (2), with mean 0 and variance 1 over the keys', () => {
    const amounts = Array.from({ length: 256 }, (_, key) => perturbationAt(key));
    expect(Math.max(...amounts.map(Math.abs))).toBe(MAX_PERTURBATION);
    expect(MAX_PERTURBATION).toBe(2);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(0);
    expect(amounts.reduce((a, b) => a + b * b, 0) / 256).toBe(1);
  });

  it('matches the table in docs/disclosure-control.md', () => {
    expect(P_TABLE.map((b) => [b.fromKey, b.toKey, b.perturbation])).toEqual([
      [0, 15, -2],
      [16, 79, -1],
      [80, 175, 0],
      [176, 239, 1],
      [240, 255, 2],
    ]);
  });
});

describe('a published figure', () => {
  it('is the sum of its record keys mod 256 that picks the amount', () => {
    expect(cellKey({ count: 3, keySum: 250 + 200 + 100 })).toBe(550 % 256);
    expect(perturbedCount({ count: 40, keySum: 256 * 3 + 5 }, 5)).toBe(38);
    expect(perturbedCount({ count: 40, keySum: 256 * 7 + 250 }, 5)).toBe(42);
    expect(perturbedCount({ count: 40, keySum: 100 }, 5)).toBe(40);
  });

  it('stays zero when zero, whatever its key', () => {
    expect(perturbedCount({ count: 0, keySum: 0 }, 5)).toBe(0);
  });

  it('never falls below the threshold, nor to zero', () => {
    for (let key = 0; key < 256; key++) {
      for (const count of [5, 6, 7]) {
        const shown = perturbedCount({ count, keySum: key }, 5);
        expect(shown).toBeGreaterThanOrEqual(5);
        expect(Math.abs(shown - count)).toBeLessThanOrEqual(MAX_PERTURBATION);
      }
    }
  });

  it('is the same for the same concerns every time, and can differ for other concerns', () => {
    const shown = (keySum: number) => perturbedCount({ count: 30, keySum }, 5);
    expect(shown(1234)).toBe(shown(1234));
    expect(new Set(Array.from({ length: 256 }, (_, k) => shown(k))).size).toBe(5);
  });

  it('is never asked of a figure below the threshold', () => {
    expect(() => perturbedCount({ count: 4, keySum: 9 }, 5)).toThrow(/below the threshold/);
  });
});

describe('the worst case for subtraction (why a year and its terms also withhold consistently)', () => {
  it('pins a withheld 1 beside two terms at the threshold for exactly the year keys that draw −2', () => {
    const threshold = 5;
    // Autumn 1 (withheld), spring and summer exactly 5, shown as 5 (keys drawing 0 or less).
    const [springKey, summerKey] = [100, 100];
    const spring = perturbedCount({ count: threshold, keySum: springKey }, threshold);
    const summer = perturbedCount({ count: threshold, keySum: summerKey }, threshold);
    expect([spring, summer]).toEqual([5, 5]);
    let pinned = 0;
    for (let autumnKey = 0; autumnKey < 256; autumnKey++) {
      const year = perturbedCount(
        { count: 1 + 2 * threshold, keySum: autumnKey + springKey + summerKey },
        threshold,
      );
      // A reader's best: the year at most 2 above its truth, each term at least the threshold.
      const most = year + MAX_PERTURBATION - spring - summer;
      if (most <= 1) pinned += 1;
    }
    expect(pinned).toBe(16);
  });
});
