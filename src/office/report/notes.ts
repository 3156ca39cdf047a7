/**
 * The disclosure note every export carries, in plain words for governors: what `c` means, why
 * other figures are hidden too, that figures are adjusted slightly, and how percentages are made.
 */
import { MAX_PERTURBATION } from './perturbation';

/** The note's paragraphs for a report with this threshold. */
export function disclosureNotes(threshold: number): string[] {
  return [
    `These figures count the concerns received in the period. So that no one can be identified, a figure based on fewer than ${threshold} concerns is not shown: it appears as c. Zeros are shown.`,
    'Where a hidden figure could be worked out from a total or from the other figures in its row or column, another figure is hidden as well, also shown as c.',
    `Every figure other than zero has been changed by up to ${MAX_PERTURBATION} either way (never below ${threshold}), so that hidden figures cannot be found by comparing reports. The same concerns always give the same figure, in every report.`,
    'Totals are adjusted on their own, so a total may differ slightly from the sum of the figures it covers. Percentages are worked out from the figures as shown, and are hidden where either figure is hidden.',
  ];
}
