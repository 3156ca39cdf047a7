/**
 * The demo school's concerns: thirty fictional concerns across every form, each with what the
 * leads did about it. Every name is invented; any likeness to a real school or person is chance.
 * Days count back from today; `work` days count on from the day the concern was filed.
 */
import type { ActionType, HarmThreshold, Outcome, Pathway, Priority } from '../../src/casework';

export const DEMO_SCHOOL = 'Fernhollow Academy';
export const DEMO_DSL = 'Ellie Shea';
export const DEMO_DEPUTY = 'Marcus Bell';

interface Share {
  what: string;
  why: string;
  consent: 'given' | 'refused' | 'not-sought' | 'not-needed';
  consentReasoning: string;
}

export interface DemoAction {
  type: ActionType;
  /** Due this many days after filing. */
  due: number;
  /** Done this many days after filing; absent while still to do. */
  done?: number;
  spokeTo?: string;
  advice?: string;
  result?: string;
  share?: Share;
}

export interface DemoWork {
  pathway: Pathway;
  priority: Priority;
  assign?: 'dsl' | 'deputy';
  harm?: HarmThreshold;
  reason?: string;
  actions?: DemoAction[];
  notes?: Array<{ day: number; text: string; kind?: 'fact' | 'opinion' }>;
  decision?: { day: number; decision: string; reason: string };
  close?: { day: number; outcome: Outcome; reason: string };
}

export interface DemoConcern {
  formId: string;
  daysAgo: number;
  reporter: { name: string; role: string };
  /** The answers that tell the story; dates and "immediate risk: no" are filled in. */
  answers: Record<string, unknown>;
  /** What the leads did: nothing yet (new), opened only, or casework. */
  work?: 'opened' | DemoWork;
}

const TUTOR = { name: 'Hannah Price', role: 'Year 9 tutor' };
const PE = { name: 'Tom Walsh', role: 'PE teacher' };
const TA = { name: 'Ruth Adeyemi', role: 'Teaching assistant' };
const IT = { name: 'Dev Mistry', role: 'IT technician' };
const OFFICE = { name: 'Claire Dunn', role: 'Office manager' };
const HOY = { name: 'Luke Harper', role: 'Head of Year 8' };
const ENGLISH = { name: 'Nadia Rahman', role: 'English teacher' };

const pupil = (name: string, year: number) => ({ name, role: 'pupil', detail: `Year ${year}` });
const staff = (name: string, detail?: string) => ({
  name,
  role: 'staff',
  ...(detail ? { detail } : {}),
});
const parent = (name: string, detail?: string) => ({
  name,
  role: 'parent',
  ...(detail ? { detail } : {}),
});

const noHarm: HarmThreshold = { harmed: false, offence: false, risk: false, unsuitable: false };
const unsuitable: HarmThreshold = { harmed: false, offence: false, risk: true, unsuitable: true };

const ladoShare: Share = {
  what: 'What the reporter saw and the member of staff’s name and role.',
  why: 'The concern may meet the harm threshold for an allegation against an adult.',
  consent: 'not-sought',
  consentReasoning: 'Seeking consent could alert the member of staff and prejudice enquiries.',
};
const parentsConsent = (why: string): Share => ({
  what: 'The pupil’s name, year group and what happened online.',
  why,
  consent: 'given',
  consentReasoning: 'The pupil’s parents agreed to the referral when we spoke.',
});
const policeShare = (why: string): Share => ({
  what: 'What happened, where it was posted and the names of those involved.',
  why,
  consent: 'not-needed',
  consentReasoning: 'A possible offence: information is shared to prevent harm.',
});

export const DEMO_CONCERNS: DemoConcern[] = [
  // Private online contact with a pupil (urgent by default).
  {
    formId: 'private-online-contact-with-pupil',
    daysAgo: 40,
    reporter: TUTOR,
    answers: {
      whatHappened:
        'A Year 10 pupil showed me Snapchat messages from a supply teacher sent after 11pm, asking her to keep their chats secret.',
      platform: 'snapchat',
      peopleInvolved: [
        staff('Mr Gareth Vance', 'Supply teacher, science'),
        pupil('Keira Nolan', 10),
      ],
      childsWords: '“He said I was mature for my age and not to tell anyone we talk.”',
      actionsTaken:
        'Thanked her for telling me and came straight to the DSL. I did not reply to anything.',
    },
    work: {
      pathway: 'allegation',
      priority: 'urgent',
      assign: 'dsl',
      harm: unsuitable,
      actions: [
        {
          type: 'lado-consultation',
          due: 1,
          done: 1,
          spokeTo: 'LADO duty officer',
          advice: 'Agency to be told; no further work at the school while enquiries go on.',
          share: ladoShare,
        },
        { type: 'hr', due: 7, done: 9, result: 'The agency has removed him from its list.' },
      ],
      notes: [
        {
          day: 2,
          text: 'Keira’s mother told in person; she is supportive and has the messages saved.',
        },
      ],
      decision: {
        day: 9,
        decision: 'The supply teacher will not work at Fernhollow again.',
        reason: 'LADO’s advice and the agency’s own findings.',
      },
      close: {
        day: 20,
        outcome: 'substantiated',
        reason: 'The LADO meeting found the allegation substantiated.',
      },
    },
  },
  {
    formId: 'private-online-contact-with-pupil',
    daysAgo: 12,
    reporter: HOY,
    answers: {
      whatHappened:
        'A teaching assistant follows several Year 7 pupils on Instagram from a personal account and likes their posts.',
      platform: 'instagram',
      linkOrHandle: '@jo.lake.art',
      peopleInvolved: [staff('Jo Lake', 'Teaching assistant'), pupil('Several Year 7 pupils', 7)],
    },
    work: {
      pathway: 'low-level',
      priority: 'high',
      assign: 'deputy',
      harm: noHarm,
      actions: [
        {
          type: 'staff-advice',
          due: 2,
          done: 2,
          spokeTo: 'Jo Lake',
          advice: 'Unfollow pupils; keep to the school platform.',
        },
        {
          type: 'other',
          due: 5,
          advice: 'Remind all support staff of the social networking code of conduct.',
        },
      ],
    },
  },
  {
    formId: 'private-online-contact-with-pupil',
    daysAgo: 3,
    reporter: PE,
    answers: {
      whatHappened:
        'A volunteer football coach has been messaging a Year 8 pupil on WhatsApp about extra training sessions away from the club’s group chat.',
      platform: 'whatsapp',
      peopleInvolved: [
        { name: 'Callum Reid', role: 'volunteer', detail: 'Football coach' },
        pupil('Ollie Brandt', 8),
      ],
    },
    work: {
      pathway: 'allegation',
      priority: 'urgent',
      assign: 'dsl',
      harm: unsuitable,
      actions: [{ type: 'lado-consultation', due: 1, share: ladoShare }],
    },
  },
  {
    formId: 'private-online-contact-with-pupil',
    daysAgo: 0,
    reporter: OFFICE,
    answers: {
      whatHappened:
        'A parent rang to say a teacher sent her daughter a friend request on Facebook last night.',
      platform: 'facebook',
      peopleInvolved: [
        staff('Mr Owen Pike', 'History teacher'),
        pupil('Lily Marsh', 9),
        parent('Mrs Marsh'),
      ],
    },
  },

  // Contact from a parent or carer.
  {
    formId: 'contact-from-parent-or-carer',
    daysAgo: 35,
    reporter: ENGLISH,
    answers: {
      whatHappened:
        'A parent found my personal mobile number and has sent repeated abusive WhatsApp messages about her son’s detention.',
      platform: 'whatsapp',
      peopleInvolved: [
        parent('Ms Dana Frost', 'Mother of a Year 8 pupil'),
        staff('Nadia Rahman', 'English teacher'),
      ],
    },
    work: {
      pathway: 'code-of-conduct',
      priority: 'routine',
      assign: 'deputy',
      actions: [
        {
          type: 'parents-contacted',
          due: 3,
          done: 2,
          spokeTo: 'Ms Frost',
          result: 'Agreed to contact staff through the school office only.',
        },
        {
          type: 'staff-advice',
          due: 3,
          done: 2,
          spokeTo: 'Nadia Rahman',
          advice: 'Block the number; keep the messages.',
        },
      ],
      close: { day: 10, outcome: 'resolved', reason: 'No further messages in a week.' },
    },
  },
  {
    formId: 'contact-from-parent-or-carer',
    daysAgo: 1,
    reporter: PE,
    answers: {
      whatHappened:
        'A parent asked in the class WhatsApp group for my home address to drop off kit.',
      platform: 'whatsapp',
      peopleInvolved: [parent('Mr Neil Hart')],
    },
    work: 'opened',
  },

  // Derogatory language.
  {
    formId: 'derogatory-language',
    daysAgo: 28,
    reporter: HOY,
    answers: {
      whatHappened:
        'A Year 8 pupil showed me screenshots of a group chat calling him racist names.',
      platform: 'snapchat',
      peopleInvolved: [pupil('Sami Haddad', 8), pupil('Four pupils in 8R', 8)],
      childsWords: '“They do it every night and say worse things in the chat.”',
    },
    work: {
      pathway: 'early-help',
      priority: 'high',
      assign: 'deputy',
      actions: [
        { type: 'parents-contacted', due: 1, done: 1, result: 'All five families spoken to.' },
        {
          type: 'early-help',
          due: 10,
          done: 12,
          share: parentsConsent('Sami is withdrawn and missing lessons.'),
        },
      ],
      notes: [
        { day: 5, text: 'Sami says the chat has stopped. Mentoring started with his form tutor.' },
      ],
      close: { day: 20, outcome: 'resolved', reason: 'Early help in place; no further messages.' },
    },
  },
  {
    formId: 'derogatory-language',
    daysAgo: 18,
    reporter: ENGLISH,
    answers: {
      whatHappened:
        'Two Year 10 pupils posted a TikTok video with homophobic comments about a member of staff.',
      platform: 'tiktok',
      peopleInvolved: [
        pupil('Jayden Moss', 10),
        pupil('Tyler Grant', 10),
        staff('Mr Chris Ellery'),
      ],
    },
    work: {
      pathway: 'low-level',
      priority: 'routine',
      assign: 'deputy',
      actions: [
        { type: 'parents-contacted', due: 3, done: 4 },
        { type: 'other', due: 5, advice: 'Ask TikTok to remove the video.' },
      ],
    },
  },
  {
    formId: 'derogatory-language',
    daysAgo: 6,
    reporter: OFFICE,
    answers: {
      whatHappened:
        'A teacher’s personal X account posted that pupils from one estate “will never amount to anything”. Parents have shared the post.',
      platform: 'x-twitter',
      peopleInvolved: [staff('Mr Rob Tierney', 'Geography teacher')],
    },
    work: {
      pathway: 'allegation',
      priority: 'high',
      assign: 'dsl',
      harm: { harmed: false, offence: false, risk: false, unsuitable: true },
      actions: [
        {
          type: 'lado-consultation',
          due: 1,
          done: 1,
          spokeTo: 'LADO duty officer',
          advice: 'Below the threshold for LADO; deal with it through HR.',
          share: ladoShare,
        },
        { type: 'hr', due: 10 },
      ],
      decision: {
        day: 2,
        decision: 'Investigation under the staff code of conduct.',
        reason: 'Public post bringing the school into disrepute; not a risk to children.',
      },
    },
  },

  // Inappropriate images of staff.
  {
    formId: 'inappropriate-images-of-staff',
    daysAgo: 30,
    reporter: TA,
    answers: {
      whatHappened:
        'A photo of a teacher has been edited into a meme and shared on Snapchat by Year 9 pupils.',
      platform: 'snapchat',
      peopleInvolved: [staff('Miss Laura Quinn'), pupil('Ethan Cole', 9)],
    },
    work: {
      pathway: 'low-level',
      priority: 'routine',
      assign: 'deputy',
      actions: [
        { type: 'parents-contacted', due: 2, done: 2, result: 'Meme deleted in front of parents.' },
      ],
      close: { day: 8, outcome: 'resolved', reason: 'Image removed; apology made.' },
    },
  },
  {
    formId: 'inappropriate-images-of-staff',
    daysAgo: 15,
    reporter: PE,
    answers: {
      whatHappened:
        'Holiday photos of a colleague, taken from her public Instagram, are going round among Year 11.',
      platform: 'instagram',
      peopleInvolved: [staff('Ms Bella Ortiz')],
    },
    work: {
      pathway: 'code-of-conduct',
      priority: 'routine',
      actions: [
        {
          type: 'staff-advice',
          due: 2,
          done: 2,
          spokeTo: 'Bella Ortiz',
          advice: 'Make the account private; support offered.',
        },
      ],
      notes: [
        { day: 3, text: 'Account now private. Ms Ortiz is content with how it was handled.' },
      ],
      close: { day: 6, outcome: 'resolved', reason: 'Account private; no further sharing seen.' },
    },
  },
  {
    formId: 'inappropriate-images-of-staff',
    daysAgo: 4,
    reporter: ENGLISH,
    answers: {
      whatHappened:
        'A pupil filmed me in class without asking and posted it on a public TikTok with a mocking caption.',
      platform: 'tiktok',
      peopleInvolved: [pupil('Ryan Doyle', 10), staff('Nadia Rahman')],
    },
    work: {
      pathway: 'low-level',
      priority: 'routine',
      assign: 'deputy',
      actions: [{ type: 'parents-contacted', due: 2 }],
    },
  },

  // Indecent images or illegal activity (urgent by default).
  {
    formId: 'indecent-images-or-illegal-activity',
    daysAgo: 25,
    reporter: TUTOR,
    answers: {
      description:
        'A Year 11 pupil told me a private image of her has been shared in a year-group chat.',
      imageLocation: 'On pupils’ own phones, in a Snapchat group. No member of staff has seen it.',
      deviceHolder: 'Not known: pupils’ own phones.',
      deviceSecured: 'not-applicable',
      whoHasSeen: 'No staff. She thinks about twenty pupils are in the group.',
      whatHappened:
        'She came to me at the end of the day, upset, and asked for help getting it taken down.',
      platform: 'snapchat',
      peopleInvolved: [pupil('Erin Walsh', 11)],
      childsWords: '“I only sent it to one person and now everyone has it.”',
    },
    work: {
      pathway: 'child-protection',
      priority: 'urgent',
      assign: 'dsl',
      actions: [
        {
          type: 'parents-contacted',
          due: 0,
          done: 0,
          result: 'Mother came in; she supports a referral.',
        },
        {
          type: 'iwf',
          due: 1,
          done: 1,
          result: 'Report Remove used with Erin.',
          share: parentsConsent('To have the image removed from the internet.'),
        },
        {
          type: 'social-care-referral',
          due: 1,
          done: 2,
          share: parentsConsent('Erin is at risk of further exploitation.'),
        },
      ],
      notes: [
        {
          day: 3,
          text: 'Erin says she feels safer at school. Check-ins twice a week with her tutor.',
        },
        { day: 7, text: 'She seems more settled, but still avoids the canteen.', kind: 'opinion' },
      ],
    },
  },
  {
    formId: 'indecent-images-or-illegal-activity',
    daysAgo: 7,
    reporter: HOY,
    answers: {
      description:
        'A phone confiscated in class showed what may be an indecent image of a pupil on its lock screen.',
      imageLocation: 'The lock screen of a confiscated phone.',
      deviceHolder: 'The DSL, in the safe, switched off.',
      deviceSecured: 'secured-not-examined',
      whoHasSeen: 'Only me, briefly, when the screen lit up.',
      whatHappened: 'Confiscated during a Year 10 lesson for use in class.',
      platform: 'other',
      peopleInvolved: [pupil('Noah Pearce', 10)],
    },
    work: {
      pathway: 'child-protection',
      priority: 'urgent',
      assign: 'dsl',
      actions: [
        {
          type: 'police',
          due: 0,
          done: 0,
          spokeTo: 'Police safeguarding hub',
          share: policeShare('A possible indecent image of a child.'),
        },
        { type: 'social-care-referral', due: 1, share: policeShare('Two pupils may be at risk.') },
      ],
    },
  },
  {
    formId: 'indecent-images-or-illegal-activity',
    daysAgo: 0,
    reporter: IT,
    answers: {
      description: 'The web filter flagged searches for illegal content from a staff laptop.',
      imageLocation: 'Web filter log only; no image was opened.',
      deviceHolder: 'The laptop is in the IT office, logged out.',
      deviceSecured: 'secured-not-examined',
      whoHasSeen: 'Only the filter report, by me.',
      whatHappened: 'Alert received at 7:40 this morning for laptop STAFF-114.',
      platform: 'other',
      peopleInvolved: [staff('Laptop STAFF-114 user', 'Not yet confirmed')],
    },
  },

  // Other online concerns.
  {
    formId: 'other-online-concern',
    daysAgo: 44,
    reporter: TA,
    answers: {
      whatHappened:
        'A Year 7 pupil told me she was being pressured to join an online “challenge” that encourages self-harm.',
      platform: 'tiktok',
      peopleInvolved: [pupil('Poppy Shaw', 7)],
      childsWords: '“Everyone in the group has done it and they say I’m scared.”',
    },
    work: {
      pathway: 'child-protection',
      priority: 'high',
      assign: 'dsl',
      actions: [
        { type: 'parents-contacted', due: 0, done: 0 },
        {
          type: 'early-help',
          due: 5,
          done: 5,
          share: parentsConsent('Poppy needs support with her wellbeing.'),
        },
      ],
      close: {
        day: 25,
        outcome: 'resolved',
        reason: 'Early help plan in place; Poppy has left the group.',
      },
    },
  },
  {
    formId: 'other-online-concern',
    daysAgo: 10,
    reporter: TUTOR,
    answers: {
      whatHappened:
        'A pupil is very tired most mornings and mentions an adult “friend” he games with online at night.',
      platform: 'other',
      peopleInvolved: [pupil('Leo Marsh', 9)],
      yourView: 'He changes the subject when asked who the friend is.',
    },
    work: {
      pathway: 'child-protection',
      priority: 'high',
      assign: 'dsl',
      actions: [
        { type: 'parents-contacted', due: 1, done: 1 },
        {
          type: 'social-care-referral',
          due: 3,
          share: parentsConsent('An unknown adult is in regular night-time contact with Leo.'),
        },
      ],
      notes: [
        {
          day: 2,
          text: 'Mum was not aware of the contact and has taken the console out of his room.',
        },
      ],
    },
  },
  {
    formId: 'other-online-concern',
    daysAgo: 2,
    reporter: ENGLISH,
    answers: {
      whatHappened:
        'A pupil posted on a public account that she feels hopeless and “can’t do this any more”.',
      platform: 'instagram',
      peopleInvolved: [pupil('Grace Tilley', 10)],
      immediateRisk: false,
    },
    work: 'opened',
  },

  // Posts about staff by others.
  {
    formId: 'posts-about-staff-by-others',
    daysAgo: 38,
    reporter: OFFICE,
    answers: {
      whatHappened:
        'A parent’s Facebook post names a teacher as incompetent; the comments are getting abusive.',
      platform: 'facebook',
      peopleInvolved: [parent('Mr Dean Foster'), staff('Mrs Helen Cross', 'Year 2 teacher')],
    },
    work: {
      pathway: 'no-further-action',
      priority: 'routine',
      decision: {
        day: 1,
        decision: 'The headteacher will meet the parent.',
        reason: 'A complaint to handle through the complaints policy.',
      },
      close: { day: 6, outcome: 'no-further-action', reason: 'Post removed after the meeting.' },
    },
  },
  {
    formId: 'posts-about-staff-by-others',
    daysAgo: 14,
    reporter: HOY,
    answers: {
      whatHappened: 'An anonymous Instagram account is posting rumours about a named teacher.',
      platform: 'instagram',
      linkOrHandle: '@fh_tea_spill',
      peopleInvolved: [staff('Mr Sunil Varma')],
    },
    work: {
      pathway: 'low-level',
      priority: 'high',
      assign: 'deputy',
      actions: [
        { type: 'other', due: 1, done: 2, result: 'Reported to Instagram as harassment.' },
        {
          type: 'staff-advice',
          due: 1,
          done: 1,
          spokeTo: 'Sunil Varma',
          advice: 'Support from the staff wellbeing service.',
        },
      ],
    },
  },
  {
    formId: 'posts-about-staff-by-others',
    daysAgo: 5,
    reporter: PE,
    answers: {
      whatHappened: 'A former pupil posted a teacher’s home address on X.',
      platform: 'x-twitter',
      peopleInvolved: [
        { name: 'Former pupil', role: 'other', detail: 'Left in July' },
        staff('Miss Jo Hart'),
      ],
    },
    work: {
      pathway: 'low-level',
      priority: 'urgent',
      assign: 'dsl',
      actions: [
        { type: 'police', due: 1, done: 1, share: policeShare('A member of staff’s safety.') },
        { type: 'other', due: 2, advice: 'Ask X to remove the post.' },
      ],
    },
  },

  // Unauthorised school pages or groups.
  {
    formId: 'unauthorised-school-page-or-group',
    daysAgo: 33,
    reporter: ENGLISH,
    answers: {
      whatHappened:
        'An Instagram account using the school logo posts anonymous “confessions” about pupils.',
      platform: 'instagram',
      linkOrHandle: '@fernhollow_confessions',
      peopleInvolved: [pupil('Unknown account holder', 10)],
    },
    work: {
      pathway: 'low-level',
      priority: 'high',
      assign: 'deputy',
      actions: [
        { type: 'other', due: 1, done: 1, result: 'Reported to Instagram for misuse of the logo.' },
        { type: 'parents-contacted', due: 3, done: 3, result: 'Letter home to all parents.' },
      ],
      close: { day: 12, outcome: 'resolved', reason: 'Account taken down.' },
    },
  },
  {
    formId: 'unauthorised-school-page-or-group',
    daysAgo: 16,
    reporter: HOY,
    answers: {
      whatHappened:
        'A TikTok account called “Fernhollow fights” posts videos of fights filmed on the school field.',
      platform: 'tiktok',
      peopleInvolved: [pupil('Several pupils', 9)],
    },
    work: {
      pathway: 'child-protection',
      priority: 'high',
      assign: 'dsl',
      actions: [{ type: 'other', due: 1, done: 2, result: 'Reported to TikTok.' }],
      decision: {
        day: 3,
        decision: 'Extra staff on the field at lunch.',
        reason: 'The fights are being arranged for filming.',
      },
    },
  },
  {
    formId: 'unauthorised-school-page-or-group',
    daysAgo: 1,
    reporter: TA,
    answers: {
      whatHappened:
        'A teacher has set up a WhatsApp group with Year 11 pupils for revision, outside the school platform.',
      platform: 'whatsapp',
      peopleInvolved: [staff('Mr Adam Pryce', 'Maths teacher')],
    },
  },

  // Breach of confidentiality.
  {
    formId: 'breach-of-confidentiality',
    daysAgo: 21,
    reporter: TA,
    answers: {
      whatHappened:
        'A teaching assistant discussed a pupil’s family situation in a public Facebook group for local parents.',
      platform: 'facebook',
      peopleInvolved: [staff('Mrs Pat Dwyer', 'Teaching assistant'), pupil('A Year 5 pupil', 5)],
      yourView: 'I think she meant to help, but the family will be recognised.',
    },
    work: {
      pathway: 'code-of-conduct',
      priority: 'routine',
      assign: 'deputy',
      actions: [
        {
          type: 'staff-advice',
          due: 1,
          done: 1,
          spokeTo: 'Pat Dwyer',
          advice: 'Post deleted; reminded of the confidentiality policy.',
        },
        { type: 'hr', due: 10, done: 14, result: 'Informal warning recorded.' },
      ],
    },
  },
  {
    formId: 'breach-of-confidentiality',
    daysAgo: 9,
    reporter: HOY,
    answers: {
      whatHappened:
        'A colleague posted on X about “a tough safeguarding meeting about a Year 8 girl”, with enough detail for parents to guess who she is.',
      platform: 'x-twitter',
      peopleInvolved: [staff('Ms Kerry Lane', 'Science teacher')],
      actionsTaken: 'Asked her to delete it; she did within the hour.',
    },
    work: {
      pathway: 'code-of-conduct',
      priority: 'high',
      assign: 'dsl',
      actions: [
        {
          type: 'staff-advice',
          due: 1,
          done: 1,
          spokeTo: 'Kerry Lane',
          advice: 'Never post about pupils or meetings, even without names.',
        },
      ],
      close: {
        day: 4,
        outcome: 'resolved',
        reason: 'Post deleted; confidentiality training booked.',
      },
    },
  },
  {
    formId: 'breach-of-confidentiality',
    daysAgo: 0,
    reporter: IT,
    answers: {
      whatHappened:
        'A colleague posted photos from the museum trip on her personal Instagram with pupils’ faces and name badges showing.',
      platform: 'instagram',
      peopleInvolved: [staff('Miss Ana Ruiz', 'Year 4 teacher')],
    },
  },

  // Professional online contact log.
  {
    formId: 'professional-online-contact-log',
    daysAgo: 29,
    reporter: TUTOR,
    answers: {
      platform: 'email',
      withWhom: [pupil('Amira Castell', 13)],
      purpose: 'UCAS reference question',
      contentSummary:
        'Amira emailed my school address to ask when her reference would be ready. I replied with the date.',
    },
    work: {
      pathway: 'no-further-action',
      priority: 'routine',
      close: { day: 1, outcome: 'no-further-action', reason: 'Appropriate contact, logged.' },
    },
  },
  {
    formId: 'professional-online-contact-log',
    daysAgo: 11,
    reporter: ENGLISH,
    answers: {
      platform: 'video-call',
      withWhom: [pupil('Finn Ashby', 10), parent('Mrs Ashby', 'Present throughout')],
      purpose: 'Catch-up lesson while recovering from an operation',
      contentSummary: 'Thirty-minute lesson on Teams with his mother in the room.',
      recordLocation: 'Teams meeting notes, English department folder',
    },
    work: {
      pathway: 'no-further-action',
      priority: 'routine',
      close: {
        day: 0,
        outcome: 'no-further-action',
        reason: 'Arranged through the school, parent present.',
      },
    },
  },
  {
    formId: 'professional-online-contact-log',
    daysAgo: 3,
    reporter: PE,
    answers: {
      platform: 'school-approved-platform',
      withWhom: [parent('Mr Karim Hassan')],
      purpose: 'Concern about bullying in the changing rooms',
      contentSummary: 'Mr Hassan messaged through the school app; I passed it to the Head of Year.',
      followUp: 'Head of Year to call him this week.',
    },
  },
];
