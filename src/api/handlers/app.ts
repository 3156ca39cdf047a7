/** The app's own state: is this computer enrolled, with which school, is anything waiting. */
import type { HandlersOf } from '../contract';
import { keyFingerprint, safetyCode } from '../../crypto';
import { verifyProfile } from '../../school';
import { UNTRUSTED_PROFILE_WARNING, type DraftKeyRing, type StaffStore } from '../../staff';
import { setUpState } from './setup';

/** `app.status` and `app.lock` over the staff store and this session's draft keys. */
export function appHandlers(deps: {
  home: string;
  store: StaffStore;
  draftKeys: DraftKeyRing;
  /** Why IT's machine settings did not enrol this computer at start, or null. */
  machineSetting?: () => string | null;
}): HandlersOf<'app.status' | 'app.lock'> {
  const { home, store, draftKeys } = deps;
  const machineSetting = deps.machineSetting ?? (() => null);
  return {
    'app.lock': () => Promise.resolve({ draftsLocked: draftKeys.forgetAll() }),
    'app.status': () => {
      const enrolment = store.enrolment();
      const setUp = setUpState(home, store);
      if (!enrolment) {
        return Promise.resolve({
          setUp,
          enrolled: false,
          schoolName: null,
          safetyCode: null,
          sharePath: null,
          warning: null,
          waiting: 0,
          machineSetting: machineSetting(),
        });
      }
      const { profile } = verifyProfile(enrolment.profileJson);
      const problem = store.profileProblem();
      return Promise.resolve({
        setUp,
        enrolled: true,
        schoolName: profile.schoolName,
        safetyCode: safetyCode(keyFingerprint(profile.rootKey)),
        sharePath: enrolment.sharePath,
        warning: problem === null ? null : `${UNTRUSTED_PROFILE_WARNING} (${problem.detail})`,
        waiting: store.counts().pending,
        machineSetting: null,
      });
    },
  };
}
