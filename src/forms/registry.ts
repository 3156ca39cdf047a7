/** The form definitions this installation knows, every published version of each. */
import { SafeguardError } from '../errors';
import { builtInForms, type SourcedForm } from './builtin';
import { customForms } from './custom';
import type { FormDefinition } from './definition';

/** What the home screen lists for one form. */
export interface FormListing {
  id: string;
  version: number;
  title: string;
  summary: string;
  /** Extra words "Search concern types" matches besides the title and summary. */
  searchWords: string[];
  kind: FormDefinition['kind'];
  defaultUrgency: FormDefinition['defaultUrgency'];
}

/** Where FormRegistry.load looks for forms beyond the shipped ones. */
export interface FormLoadOptions {
  /** A school's own forms, each <id>.v<version>.json; a missing folder simply has none. */
  customDir?: string | undefined;
}

function describeSource({ source, builtIn }: SourcedForm): string {
  return builtIn ? `the built-in form ${source}` : source;
}

/**
 * Looks up forms by id and version. Old versions stay: a concern names the version it was filed
 * with and is validated against that version when a lead imports it.
 */
export class FormRegistry {
  private constructor(private readonly versions: ReadonlyMap<string, readonly FormDefinition[]>) {}

  /** The forms shipped in forms/. */
  static builtIn(): FormRegistry {
    return FormRegistry.fromDefinitions(builtInForms().map(({ form }) => form));
  }

  /**
   * The shipped forms plus every *.json form in `customDir`. Throws SafeguardError('bad-form')
   * naming the file for the first bad one, and both files when two define the same version.
   */
  static load(options: FormLoadOptions): FormRegistry {
    const builtIn = builtInForms();
    const custom = options.customDir === undefined ? [] : customForms(options.customDir);
    // A school's form has its own id: if it could add a version of a built-in form, a later
    // release shipping that version would stop every machine loading its forms.
    const builtInIds = new Set(builtIn.map((entry) => entry.form.id));
    const taken = custom.find((entry) => builtInIds.has(entry.form.id));
    if (taken) {
      throw new SafeguardError(
        'bad-form',
        `${taken.source}: the id "${taken.form.id}" belongs to a built-in form; give the school's form an id of its own`,
      );
    }
    const all = [...builtIn, ...custom];
    const seen = new Map<string, SourcedForm>();
    for (const entry of all) {
      const key = `${entry.form.id}\u0000${entry.form.version}`;
      const first = seen.get(key);
      if (first) {
        const { id, version } = entry.form;
        throw new SafeguardError(
          'bad-form',
          `${entry.source}: form ${id} version ${version} is already defined by ${describeSource(first)}`,
        );
      }
      seen.set(key, entry);
    }
    return FormRegistry.fromDefinitions(all.map(({ form }) => form));
  }

  /** A registry of already-parsed definitions; a repeated (id, version) is refused. */
  static fromDefinitions(defs: readonly FormDefinition[]): FormRegistry {
    const versions = new Map<string, FormDefinition[]>();
    for (const def of defs) {
      const known = versions.get(def.id) ?? [];
      if (known.some((other) => other.version === def.version)) {
        throw new SafeguardError(
          'bad-form',
          `Form ${def.id} version ${def.version} is defined more than once.`,
        );
      }
      versions.set(
        def.id,
        [...known, def].sort((a, b) => a.version - b.version),
      );
    }
    return new FormRegistry(versions);
  }

  /** One exact version of a form. */
  get(id: string, version: number): FormDefinition | undefined {
    return this.versions.get(id)?.find((def) => def.version === version);
  }

  /** The highest version of a form. */
  latest(id: string): FormDefinition | undefined {
    return this.versions.get(id)?.at(-1);
  }

  /** The latest version of each form, sorted by title. */
  list(): FormListing[] {
    return [...this.versions.values()]
      .flatMap((defs) => defs.slice(-1))
      .map(({ id, version, title, summary, searchWords, kind, defaultUrgency }) => ({
        id,
        version,
        title,
        summary,
        searchWords: searchWords ?? [],
        kind,
        defaultUrgency,
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id));
  }
}
