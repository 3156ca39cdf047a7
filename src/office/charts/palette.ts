/**
 * The charts' colours: calm, dark enough that every bar stands 3:1 against white (WCAG 1.4.11)
 * and white labels inside a bar stand 4.5:1, and told apart by pattern and label as well as by
 * colour. Series beyond the palette reuse it with a different pattern.
 */
export const SERIES_COLOURS = ['#1f4e79', '#2e6b5e', '#6b4c9a', '#8a4f1d', '#4a5868'] as const;

/** Text on white: axis names, labels, titles (about 17:1). */
export const CHART_INK = '#1a1a1a';

/** Axis lines and tick labels (about 9:1 on white). */
export const CHART_MUTED = '#4a4a4a';

/** Grid lines: faint, decoration only. */
export const CHART_GRID = '#d9dee5';
