/**
 * What this app will read from the share, at most, and how long it waits. Anyone in the school can
 * write to the share, so every read is bounded: a file over its limit is refused unread (and a
 * concern over the limit is refused when it is filed, so a lead can always import what staff send).
 * README "The school share" lists these figures; keep the two the same.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

export const SHARE_LIMITS = {
  /** school.json */
  profileBytes: 1 * MiB,
  /** acks/<id>.<random>.json */
  acknowledgementBytes: 64 * KiB,
  /** concerns/<id>.age, attachments included */
  concernBytes: 100 * MiB,
  /** recovery/<recipient id>[.<random>].age: a lead's sealed secrets are under 2 KiB */
  recoveryBytes: 64 * KiB,
  /**
   * extracts/<random>.age: gzipped before sealing, 100,000 concerns take under 1 MiB; this leaves
   * room for a million (the format's row limit) and refuses anything larger unread.
   */
  extractBytes: 64 * MiB,
  /**
   * events/<hash>.age: one lead's new events on one case since the last delivery; a note's text is
   * at most a few KiB, so a busy afternoon's batch is well under this.
   */
  eventBytes: 4 * MiB,
  /** Extract files one reading opens, newest first (a share writer could plant many). */
  extractFilesRead: 50,
  /**
   * Recovery files one recovery tries with a key (each try is a scrypt derivation, about 1.3 s):
   * a share writer could plant many under a lead's id.
   */
  recoveryFilesTried: 20,
  /** Acknowledgement files read for one concern (a share writer could plant many). */
  acknowledgementsPerConcern: 16,
  /** Every share operation: its base time limit… */
  timeoutMs: 15_000,
  /** …plus this much per MiB it reads or writes. */
  timeoutMsPerMiB: 1_000,
} as const;

/** Folder permissions on the share, whatever the umask: the owner and the school's group. */
export const SHARE_FOLDER_MODE = 0o770;
/** File permissions on the share, whatever the umask: sealed or signed files, never executable. */
export const SHARE_FILE_MODE = 0o640;
