/**
 * Where one user's local state lives: `$SAFEGUARD_DESK_HOME` when set (tests, CLI, several roles on
 * one machine), else the same per-user folder the Electron app uses for "Safeguard Desk".
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'Safeguard Desk';

/** The state folder for this process's user. */
export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.SAFEGUARD_DESK_HOME;
  if (override && override.trim() !== '') return override;
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
  }
}

/** Paths of the files inside a home folder. */
export function homePaths(home: string) {
  return {
    staffDb: join(home, 'staff.db'),
    leadDb: join(home, 'lead.db'),
    leadIdentity: join(home, 'lead', 'identity.age'),
    /** An office user's own identity: opens statistical extracts only, never a concern. */
    officeIdentity: join(home, 'office', 'identity.age'),
  };
}
