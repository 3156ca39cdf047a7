import type { KeyProvider } from '../storage/key-provider';
import { UsageError } from './io';

/** What every command gets: parsed arguments, the home folder and its key provider. */
export interface CommandContext {
  home: string;
  keyProvider: KeyProvider;
  json: boolean;
  positionals: string[];
  options: Record<string, string | undefined>;
  /** Boolean switches (--watch, --all). */
  flags: Record<string, boolean | undefined>;
  requireOption(name: string): string;
}

/** Builds a context; `requireOption` names the missing option in a usage error. */
export function makeContext(fields: Omit<CommandContext, 'requireOption'>): CommandContext {
  return {
    ...fields,
    requireOption(name) {
      const value = fields.options[name];
      if (value === undefined || value === '') throw new UsageError(`--${name} is required.`);
      return value;
    },
  };
}
