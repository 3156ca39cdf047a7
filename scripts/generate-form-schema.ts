/**
 * Writes forms/form-definition.schema.json from formDefinitionSchema, so editors can check a
 * school's form as it is typed. Run: npx tsx scripts/generate-form-schema.ts
 * tests/node/forms/definition-files.test.ts fails when the committed file differs from what this
 * renders.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { formDefinitionSchema } from '../src/forms';

export const formSchemaFile = fileURLToPath(
  new URL('../forms/form-definition.schema.json', import.meta.url),
);

/** The schema file's exact text: JSON Schema of the input form (defaults optional), prettier'd. */
export async function renderFormDefinitionSchema(): Promise<string> {
  const schema = z.toJSONSchema(formDefinitionSchema, { io: 'input' });
  const options = await resolveConfig(formSchemaFile);
  return format(JSON.stringify(schema, null, 2), { ...options, parser: 'json' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(formSchemaFile, await renderFormDefinitionSchema());
  console.log(`wrote ${path.relative(process.cwd(), formSchemaFile)}`);
}
