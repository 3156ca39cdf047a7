/**
 * The school share as the rest of the core sees it: `school.json`, `concerns/`, `acks/`,
 * `events/`, `extracts/`, `recovery/`, each operation bounded in size and time. A folder (SMB/DFS
 * or local) is the one implementation today; a trust's S3-compatible bucket would be another
 * behind the same interface. Obtain one with `openShare`, never by constructing an implementation.
 */
import type { BoundedRead } from '../files';
import type { SafeguardError } from '../errors';

/** A file's size and time as last seen, or nulls where it could not be looked at. */
export interface FileMark {
  size: number | null;
  mtimeMs: number | null;
}

/** The result of writing a concern file. */
export type WriteOutcome = 'written' | 'already-there';

export interface Share {
  /** Where it is (a path or an address IT configured); shown in messages, never secret. */
  readonly root: string;
  /** Throws unless the share answers and can be read. */
  checkReadable(): Promise<void>;
  /** Throws unless the share answers and can be written, naming read-only and permission. */
  checkWritable(): Promise<void>;
  /** Creates the share's folders for a new school. */
  prepare(): Promise<void>;
  /** The profile's text, or null when there is none. */
  readProfile(): Promise<string | null>;
  /** Writes (or replaces) the signed profile. */
  writeProfile(json: string): Promise<void>;
  /** Delivers a sealed concern under its id, never replacing a different file. */
  writeConcern(concernId: string, sealed: Uint8Array): Promise<WriteOutcome>;
  /** Whether a concern's file is on the share. */
  hasConcern(concernId: string): Promise<boolean>;
  /** The concern file names, sorted. */
  listConcernFiles(): Promise<string[]>;
  /** The size and time of a concern file (refused when not a regular file). */
  statConcernFile(name: string): Promise<{ size: number; mtimeMs: number }>;
  /** A concern file's bytes (or its first `headBytes`), bounded. */
  readConcernFile(name: string, options?: { headBytes?: number }): Promise<BoundedRead>;
  /** The acknowledgement file names. */
  listAckFiles(): Promise<string[]>;
  /** One acknowledgement's text, bounded. */
  readAckFile(name: string): Promise<string>;
  /** Writes acknowledgements under new names; returns those written and the first failure. */
  writeAckFiles(
    entries: ReadonlyArray<{ name: string; json: string }>,
  ): Promise<{ written: string[]; error: SafeguardError | null }>;
  /** Writes a lead's sealed recovery file, never replacing one; returns the name used. */
  writeRecoveryFile(recipientId: string, sealed: Uint8Array): Promise<string>;
  /** The recovery file names, sorted. */
  listRecoveryFiles(): Promise<string[]>;
  /** One recovery file's bytes, bounded (refused when not a small regular file). */
  readRecoveryFile(name: string): Promise<Buffer>;
  /** Writes a sealed extract under a new random name, never replacing a file; returns the name. */
  writeExtractFile(sealed: Uint8Array): Promise<string>;
  /** The extract file names, sorted. */
  listExtractFiles(): Promise<string[]>;
  /** The size and time of an extract file (refused when not a regular file). */
  statExtractFile(name: string): Promise<{ size: number; mtimeMs: number }>;
  /** An extract file's bytes (or its first `headBytes`), bounded. */
  readExtractFile(name: string, options?: { headBytes?: number }): Promise<BoundedRead>;
  /** Removes an extract this computer wrote and has since superseded; false when already gone. */
  removeExtractFile(name: string): Promise<boolean>;
  /** Writes a sealed batch of casework events under its name, never replacing a file. */
  writeEventFile(name: string, sealed: Uint8Array): Promise<WriteOutcome>;
  /** The event file names, sorted. */
  listEventFiles(): Promise<string[]>;
  /** The size and time of an event file (refused when not a regular file). */
  statEventFile(name: string): Promise<{ size: number; mtimeMs: number }>;
  /** An event file's bytes, bounded. */
  readEventFile(name: string): Promise<BoundedRead>;
  /**
   * The size and time of a concern or event file's name itself (a symlink's own, not its
   * target's), to recognise a file refused before and unchanged since; nulls when it cannot be
   * looked at. Never throws.
   */
  lookAt(folder: 'concerns' | 'events', name: string): Promise<FileMark>;
  /** Removes our abandoned temp files; returns how many. */
  sweepTemps(): Promise<number>;
}
