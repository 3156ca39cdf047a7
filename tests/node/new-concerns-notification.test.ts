/**
 * Issue 7 §5: the operating system notification for a lead's background import says only counts.
 * The counts come from a real session over a real school (concerns filed, sealed and imported);
 * the Notification itself needs Electron's binary, so its options are checked as plain data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConcernsNotice, type NewConcernsCounts } from '../../main/new-concerns';
import { openSession, type Session } from '../../src/session';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { cliJson } from './support/cli';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from './support/school';

const SECRET_WORDS = 'Zephyrine messaged the Year 6 pupil about the trampoline club';

describe('the new-concerns notification', () => {
  let school: SchoolFixture;
  let desk: Session;
  const heard: NewConcernsCounts[] = [];
  const references: string[] = [];

  /** Files a concern from the staff computer, as a teacher's app would. */
  const file = async (form?: string) => {
    const answers = await writeAnswers(
      school.root,
      contactAnswers({
        whatHappened: SECRET_WORDS,
        peopleInvolved: [
          { name: 'Mr Quillfeather', role: 'staff' },
          { name: 'Pupil Marigold', role: 'pupil' },
        ],
        ...(form === undefined ? {} : { platform: 'facebook' }),
      }),
      `answers-${references.length}.json`,
    );
    const { reference } = await cliJson<{ reference: string }>(
      school.staffHome,
      reportArgs(answers, form),
    );
    references.push(reference);
  };

  beforeAll(async () => {
    school = await makeSchool();
    await file(); // private online contact with a pupil: urgent
    await file('derogatory-language'); // not urgent
    desk = await openSession({
      home: school.dslHome,
      keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
      onNewConcerns: (counts) => heard.push(counts),
    });
  });

  afterAll(async () => {
    desk?.close();
    await school?.cleanup();
  });

  it('says "2 new concerns, 1 urgent" after unlocking, and nothing about what they are', async () => {
    await desk.handlers['lead.unlock']({ passphrase: PASSPHRASE });
    // The import on unlock runs in the background; an explicit one waits for it.
    await desk.handlers['lead.import'](undefined);
    expect(heard).toEqual([{ imported: 2, urgent: 1 }]);
    const notice = newConcernsNotice(heard[0]!);
    expect(notice).toEqual({
      title: 'Safeguard Desk',
      body: '2 new concerns, 1 urgent',
      urgency: 'critical',
    });
    const shown = `${notice?.title} ${notice?.body}`;
    for (const secret of [
      ...references,
      'Quillfeather',
      'Marigold',
      'Zephyrine',
      'trampoline',
      'Sam Teacher',
      'Ellie Shea',
      'Barnsole',
      'Snapchat',
      'language',
      'contact',
    ]) {
      expect(shown).not.toContain(secret);
    }
    // Only digits, and the fixed words around them.
    expect(shown.replace(/\d+/g, 'N')).toBe('Safeguard Desk N new concerns, N urgent');
  });

  it('stays silent when an import brings nothing, and counts one concern as one', async () => {
    await desk.handlers['lead.import'](undefined);
    expect(heard).toHaveLength(1);

    await file('derogatory-language');
    await desk.handlers['lead.import'](undefined);
    expect(heard).toHaveLength(2);
    expect(newConcernsNotice(heard[1]!)).toEqual({
      title: 'Safeguard Desk',
      body: '1 new concern',
      urgency: 'normal',
    });
    expect(newConcernsNotice({ imported: 0, urgent: 0 })).toBeNull();
  });
});
