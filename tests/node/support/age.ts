/** Whether Debian's `age` tool is installed (the reference for the sealed format). */
import { execFileSync } from 'node:child_process';

export const hasAge = (() => {
  try {
    execFileSync('age', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
