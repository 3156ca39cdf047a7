import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formSchemaFile, renderFormDefinitionSchema } from '../../../scripts/generate-form-schema';
import { FormRegistry, parseFormDefinition } from '../../../src/forms';
import { formFiles, formsDir, readForm } from './support';

const hashesFile = new URL('../fixtures/published-form-hashes.json', import.meta.url);

/** Hash of the text with line endings normalised, so a Windows checkout hashes the same. */
function formFileHash(name: string): string {
  const text = readFileSync(new URL(name, formsDir), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

function recordedHashes(): Record<string, string> {
  const json: unknown = JSON.parse(readFileSync(hashesFile, 'utf8'));
  return z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).parse(json);
}

describe('form definition files', () => {
  it('every form file in forms/ parses and is in the built-in registry', () => {
    const registry = FormRegistry.builtIn();
    expect(formFiles().length).toBeGreaterThan(0);
    for (const name of formFiles()) {
      const form = parseFormDefinition(readForm(name), `forms/${name}`);
      expect(registry.get(form.id, form.version)).toEqual(form);
    }
  });

  it('every form file is named <id>.v<version>.json and points at the JSON Schema', () => {
    for (const name of formFiles()) {
      const json = readForm(name);
      const form = parseFormDefinition(json, `forms/${name}`);
      expect(name).toBe(`${form.id}.v${form.version}.json`);
      expect(json).toMatchObject({ $schema: './form-definition.schema.json' });
    }
  });

  it('the committed JSON Schema matches a fresh generation from formDefinitionSchema', async () => {
    const committed = readFileSync(formSchemaFile, 'utf8');
    expect(committed, 'run: npx tsx scripts/generate-form-schema.ts').toBe(
      await renderFormDefinitionSchema(),
    );
  });

  it('a published form version never changes', () => {
    const recorded = Object.entries(recordedHashes());
    expect(recorded.length).toBeGreaterThan(0);
    for (const [name, hash] of recorded.filter(([name]) => existsSync(new URL(name, formsDir)))) {
      const problem = `forms/${name}: a published form version never changes: make a new version`;
      expect(formFileHash(name), problem).toBe(hash);
    }
  });

  it('a published form version is never removed, since old concerns name it', () => {
    const missing = Object.keys(recordedHashes()).filter(
      (name) => !existsSync(new URL(name, formsDir)),
    );
    expect(missing, 'a published form version is never removed').toEqual([]);
  });

  it('every form file has its SHA-256 recorded as published', () => {
    const recorded = recordedHashes();
    const unrecorded = formFiles().filter((name) => recorded[name] === undefined);
    expect(unrecorded, 'add its hash to tests/node/fixtures/published-form-hashes.json').toEqual(
      [],
    );
  });
});
