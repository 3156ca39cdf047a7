/**
 * The lead's browser fixture: a real school, the web host serving the DSL's own computer (a lead
 * identity, and enrolled as a staff machine too, so both areas show), and Chromium on it.
 * Concerns are filed from the staff computer through the real CLI, as a teacher's app would.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../../src/web-host';
import { cliJson } from '../../node/support/cli';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../../node/support/school';
import { openBrowserPage } from './desk-page';
import { press } from './locate';

export interface LeadSession {
  school: SchoolFixture;
  host: WebHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  /** Files a concern from the staff computer (CLI); returns its reference. */
  file(options?: FileOptions): Promise<string>;
  /** Loads the app and opens the Safeguarding area at its passphrase prompt. */
  openArea(): Promise<void>;
  /** Types the passphrase and unlocks; waits for the inbox. */
  unlock(passphrase?: string): Promise<void>;
  /** The Status cell of a concern in the staff computer's own "My receipts" screen. */
  receiptStatus(reference: string): Promise<string>;
  close(): Promise<void>;
}

export interface FileOptions {
  form?: string;
  answers?: Record<string, unknown>;
  /** Files to attach to the `evidence` field: name → bytes. */
  attachments?: Record<string, Uint8Array>;
  extraArgs?: string[];
}

let filed = 0;

/** Sets up a school and opens the DSL's computer in Chromium (nothing unlocked yet). */
export async function openLeadSession(): Promise<LeadSession> {
  const school = await makeSchool();
  const cleanups: Array<() => Promise<unknown>> = [() => school.cleanup()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const host = await startWebHost({ home: school.dslHome, port: 0 });
    cleanups.push(() => host.close());
    const { browser, context, page, pageErrors } = await openBrowserPage();
    cleanups.push(() => browser.close());

    const file = async (options: FileOptions = {}): Promise<string> => {
      filed += 1;
      const answers = { ...(options.answers ?? contactAnswers()) };
      if (options.attachments) {
        const names: string[] = [];
        for (const [name, bytes] of Object.entries(options.attachments)) {
          await writeFile(join(school.root, name), bytes);
          names.push(name);
        }
        answers.evidence = names;
      }
      const answersFile = await writeAnswers(school.root, answers, `answers-${filed}.json`);
      const { reference } = await cliJson<{ reference: string }>(school.staffHome, [
        ...reportArgs(answersFile, options.form),
        ...(options.extraArgs ?? []),
      ]);
      return reference;
    };

    const openArea = async () => {
      await page.goto(host.url);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('button', { name: 'Safeguarding', exact: true }).waitFor();
      await press(nav, 'Safeguarding');
      await page.getByRole('heading', { name: 'Safeguarding area', level: 1 }).waitFor();
    };

    const unlock = async (passphrase = PASSPHRASE) => {
      await page.getByLabel('Passphrase').fill(passphrase);
      await press(page, 'Unlock safeguarding area');
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    };

    const receiptStatus = async (reference: string): Promise<string> => {
      // The teacher's app, on its own host over the staff home, in a page of its own.
      const staffHost = await startWebHost({ home: school.staffHome, port: 0 });
      const staffPage = await context.newPage();
      try {
        await staffPage.goto(staffHost.url);
        await press(staffPage.getByRole('navigation', { name: 'Main' }), 'My receipts');
        const row = staffPage.getByRole('row').filter({ hasText: reference });
        await row.waitFor();
        return (await row.getByRole('cell').last().innerText()).trim();
      } finally {
        await staffPage.close();
        await staffHost.close();
      }
    };

    return {
      school,
      host,
      browser,
      context,
      page,
      pageErrors,
      file,
      openArea,
      unlock,
      receiptStatus,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A small real PNG (a screenshot stand-in): a `width`×`height` picture of two blocks of colour. */
export function samplePng(width = 240, height = 120): Buffer {
  const row = (y: number) => {
    const bytes = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const top = y < height / 3;
      bytes.set(top ? [19, 41, 75] : [232, 243, 243], 1 + x * 3);
    }
    return bytes;
  };
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => row(y)));
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
