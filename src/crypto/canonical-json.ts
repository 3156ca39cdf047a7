/**
 * Deterministic JSON for signing: object keys sorted, no whitespace, integers and strings only as
 * JSON already writes them. Signatures are made and checked over these bytes, so a document that
 * was re-serialised on the way (key order, spacing) still verifies, and any change to a value fails.
 */
import { SafeguardError } from '../errors';

/** Serialises `value` canonically; rejects values JSON cannot carry exactly (NaN, undefined…). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notCanonical('a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw notCanonical(`a value of type ${typeof value}`);
}

/** The canonical JSON as UTF-8 bytes. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function notCanonical(what: string): SafeguardError {
  return new SafeguardError('not-canonical', `A signed document cannot contain ${what}.`);
}
