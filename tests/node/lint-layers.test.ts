/** ARCHITECTURE.md §4: a boundary break is a failing lint, proven here with the project's own rules. */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('layer rules', () => {
  it('fails lint when the renderer imports a Node module', async () => {
    const messages = await lintMessages(
      "import { readFileSync } from 'node:fs';\n",
      'renderer/src/leak.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('renderer/ runs in a sandboxed page: no Node modules.'),
    ]);
  });

  it('fails lint when the renderer imports core code from src/', async () => {
    const messages = await lintMessages(
      "import { fileConcern } from '../../src/concerns';\n",
      'renderer/src/leak.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('renderer/ may import only the API contract types'),
    ]);
  });

  it('fails lint when the renderer imports a value (not a type) from the API contract', async () => {
    const messages = await lintMessages(
      "import { apiContract } from '../../src/api/contract';\n",
      'renderer/src/x.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('renderer/ may import only types from the API contract'),
    ]);
  });

  it('lets the renderer import types from the API contract', async () => {
    const messages = await lintMessages(
      "import type { SafeguardBridge } from '../../src/api/contract';\nexport type B = SafeguardBridge;\n",
      'renderer/src/ok.ts',
    );
    expect(messages).toEqual([]);
  });

  it('lets the renderer use the pure answers-schema builder, and nothing else of src/forms', async () => {
    expect(
      await lintMessages(
        "import { answersSchemaFor } from '../../src/forms/answers';\nexport const a = answersSchemaFor;\n",
        'renderer/src/ok.ts',
      ),
    ).toEqual([]);
    expect(
      await lintMessages(
        "import { FormRegistry } from '../../src/forms/registry';\nexport const r = FormRegistry;\n",
        'renderer/src/leak.ts',
      ),
    ).toEqual([expect.stringContaining('renderer/ may import only the API contract types')]);
    expect(
      await lintMessages(
        "import { FormRegistry } from '../../src/forms';\nexport const r = FormRegistry;\n",
        'renderer/src/leak.ts',
      ),
    ).toEqual([expect.stringContaining('renderer/ may import only the API contract types')]);
  });

  it('fails lint when the core imports electron', async () => {
    const messages = await lintMessages(
      "import { app } from 'electron';\nexport const a = app;\n",
      'src/x/y.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('src/ is plain Node: Electron belongs in main/.'),
    ]);
  });

  it('fails lint when the core imports from the renderer', async () => {
    const messages = await lintMessages(
      "import { App } from '../../renderer/src/App';\nexport const a = App;\n",
      'src/x/y.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('src/ may not import from main/, renderer/ or tests/.'),
    ]);
  });

  it('fails lint when main imports React', async () => {
    const messages = await lintMessages(
      "import React from 'react';\nexport const r = React;\n",
      'main/window.ts',
    );
    expect(messages).toEqual([
      expect.stringContaining('main/ is the Electron main process: no React.'),
    ]);
  });
});
