import type { Linter } from 'eslint';

/** Layer rules of ARCHITECTURE.md §4 (see eslint.layers.js). */
export declare const layerRules: Linter.Config[];
