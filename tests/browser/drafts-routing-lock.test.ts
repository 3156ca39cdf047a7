/**
 * What a teacher relies on between screens: a draft kept as they type and resumed with who the
 * concern is about, routing that leaves that person out, auto-lock after 5 idle minutes, and a
 * concern filed while the share is down shown as queued, then sent.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson } from '../node/support/cli';
import { PASSPHRASE } from '../node/support/school';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, type DeskSession } from './support/desk-page';
import { fillField, openForm, reviewAndSubmit, fileThroughUi } from './support/fill-form';
import { readForms, sampleSubmission } from './support/form-plan';
import { group, press, textbox } from './support/locate';

const forms = readForms();
const derogatory = forms.find((f) => f.id === 'derogatory-language');
const breach = forms.find((f) => f.id === 'breach-of-confidentiality');

describe.skipIf(chromiumMissing !== null || !derogatory || !breach)(
  'drafts, routing, lock and queueing in the UI',
  () => {
    let session: DeskSession;

    beforeAll(async () => {
      session = await openDeskSession();
      // A deputy, so a concern about the DSL still has someone to go to.
      const { school } = session;
      const pass = join(school.root, 'deputy-pass.txt');
      await writeFile(pass, `${PASSPHRASE} deputy\n`);
      await cliJson(school.dslHome, [
        'school',
        'add-recipient',
        '--role',
        'deputy',
        '--name',
        'Dan Deputy',
        '--passphrase-file',
        school.passphraseFile,
        '--new-passphrase-file',
        pass,
        '--identity-out',
        join(school.root, 'deputy.identity.age'),
      ]);
    });
    afterAll(async () => session?.close());

    it('keeps a draft with who it is about, resumes it, and sends the concern around that lead', async () => {
      const { page, school } = session;
      const form = derogatory!;
      const submission = sampleSubmission(form);
      const text = 'DRAFT: a colleague posted a cruel comment about a family in a local group.';
      await session.goHome();
      await openForm(page, form);
      await (await textbox(page, 'Your name')).fill(submission.reporter.name);
      await (await textbox(page, 'Your role')).fill(submission.reporter.role);
      const about = await group(page, 'Is this concern about one of these people?');
      await about.getByRole('radio', { name: /^Ellie Shea/ }).check();
      await fillField(
        page,
        form.fields.find((f) => f.id === 'whatHappened')!,
        text,
      );
      await page.getByText(/Draft saved/).waitFor();

      await press(page, 'Home');
      const resume = page.getByRole('button', { name: /^Continue draft/ });
      await resume.first().waitFor();
      await resume.first().press('Enter');
      await page.getByRole('heading', { name: form.title }).waitFor();
      expect(
        await (
          await textbox(page, form.fields.find((f) => f.id === 'whatHappened')!.label)
        ).inputValue(),
      ).toBe(text);
      const aboutAgain = await group(page, 'Is this concern about one of these people?');
      expect(await aboutAgain.getByRole('radio', { name: /^Ellie Shea/ }).isChecked()).toBe(true);

      for (const field of form.fields) {
        if (field.id === 'whatHappened') continue;
        const answer = submission.answers[field.id];
        if (answer !== undefined) await fillField(page, field, answer);
      }
      const filed = await reviewAndSubmit(page, form, {
        ...submission,
        answers: { ...submission.answers, whatHappened: text },
      });
      expect(filed.delivery).toBe('Delivered');

      await press(page, 'Home');
      await page.getByRole('button', { name: 'Report a concern', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: /^Continue draft/ }).count()).toBe(0);
      // Sealed around the DSL: the DSL's own import cannot open it, and says nothing of it.
      const imported = await cliJson<{ imported: number; quarantined: Array<{ code: string }> }>(
        school.dslHome,
        ['lead', 'import', '--passphrase-file', school.passphraseFile],
      );
      expect(imported.imported).toBe(0);
      expect(imported.quarantined).toEqual([]);
    });

    it('locks itself after 5 minutes without input, hiding the form', async () => {
      const { page } = session;
      await page.clock.install();
      await session.goHome();
      await openForm(page, breach!);
      await (await textbox(page, 'Your name')).fill('Sam Teacher');
      await page.clock.fastForward('05:01');
      await page.getByRole('button', { name: 'Unlock' }).waitFor();
      expect(await page.getByText('Safeguard Desk is locked').count()).toBeGreaterThan(0);
      expect(await page.getByRole('textbox').count()).toBe(0);
      await press(page, 'Unlock');
      await page.getByRole('button', { name: 'Report a concern', exact: true }).waitFor();
    });

    it('shows a concern filed while the share is down as waiting, and sends it on request', async () => {
      const { page, school } = session;
      const hidden = `${school.share}-unmounted`;
      await page.reload();
      await session.goHome();
      await rename(school.share, hidden);
      try {
        const filed = await fileThroughUi(page, breach!, sampleSubmission(breach!));
        expect(filed.delivery).toBe('Queued');
        await press(page, 'My receipts');
        await page.getByRole('table').getByText('Waiting to reach the school').first().waitFor();
      } finally {
        await rename(hidden, school.share);
      }
      const table = page.getByRole('table');
      await press(page, 'Try sending again');
      await table.getByText('Waiting to reach the school').first().waitFor({ state: 'detached' });
      expect(await table.getByText(/Delivered|Acknowledged/).count()).toBeGreaterThanOrEqual(2);
    });
  },
);
