// Layer rules of ARCHITECTURE.md §4, kept apart so a test can prove that a forbidden import fails.
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** @type {import('eslint').Linter.Config[]} */
export const layerRules = [
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/ is plain Node: Electron belongs in main/.' },
            { name: 'react', message: 'src/ is plain Node: React belongs in renderer/.' },
            { name: 'react-dom', message: 'src/ is plain Node: React belongs in renderer/.' },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/tests/**'],
              message: 'src/ may not import from main/, renderer/ or tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'main/ is the Electron main process: no React.' },
            { name: 'react-dom', message: 'main/ is the Electron main process: no React.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/tests/**'],
              message: 'main/ may not import from renderer/ or tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'renderer/ runs in a sandboxed page: no Node modules.',
            })),
            { name: 'electron', message: 'renderer/ talks only to window.safeguard.' },
            {
              name: 'better-sqlite3-multiple-ciphers',
              message: 'renderer/ never touches storage: call window.safeguard.',
            },
          ],
          patterns: [
            {
              regex: '(^|/)src/api(/.*)?$',
              allowTypeImports: true,
              message: 'renderer/ may import only types from the API contract (import type).',
            },
            {
              // One value import is allowed: the pure answers-schema builder (zod only, no Node), so
              // the form in the UI and the core validate answers with the same schema.
              regex: '(^|/)src/(?!api(/|$)|forms/answers$)',
              message:
                'renderer/ may import only the API contract types from src/api (and src/forms/answers).',
            },
            {
              group: ['**/main/**', '**/tests/**'],
              message: 'renderer/ may not import from main/ or tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['forms/**/*.js', 'forms/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'forms/ holds JSON data only: no code.' },
      ],
    },
  },
];
