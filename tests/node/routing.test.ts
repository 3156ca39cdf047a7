/** Routing: the reporter says who a concern is about; the rules choose recipients, never the subject. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { concernSubjects, routeConcern } from '../../src/concerns';
import { generateAgeKeyPair, generateSigningKeyPair } from '../../src/crypto';
import {
  newProfile,
  type Recipient,
  type RecipientRole,
  type SchoolProfile,
} from '../../src/school';

async function recipient(name: string, role: RecipientRole): Promise<Recipient> {
  const age = await generateAgeKeyPair();
  return {
    id: randomUUID(),
    name,
    role,
    ageRecipient: age.recipient,
    verifyKey: generateSigningKeyPair().publicKey,
  };
}

let dsl: Recipient, deputy: Recipient, head: Recipient, chair: Recipient, office: Recipient;
let profile: SchoolProfile;
const names = (rs: Recipient[]) => rs.map((r) => r.name).sort();

beforeAll(async () => {
  [dsl, deputy, head, chair, office] = await Promise.all([
    recipient('Ellie Shea', 'dsl'),
    recipient('Dan Deputy', 'deputy'),
    recipient('Hana Head', 'headteacher'),
    recipient('Chris Chair', 'chair'),
    recipient('Olu Office', 'office'),
  ]);
  profile = newProfile({
    schoolName: 'Barnsole Primary',
    rootKey: generateSigningKeyPair().publicKey,
    recipients: [dsl, deputy, head, chair, office],
    now: new Date(),
  });
});

describe('routing', () => {
  it('sends a concern about nobody in particular to every lead, and only the leads', () => {
    expect(names(routeConcern(profile))).toEqual(['Dan Deputy', 'Ellie Shea']);
  });

  it('leaves a lead out of a concern about them, and adds the headteacher', () => {
    expect(names(routeConcern(profile, dsl.id))).toEqual(['Dan Deputy', 'Hana Head']);
    expect(names(routeConcern(profile, deputy.id))).toEqual(['Ellie Shea', 'Hana Head']);
  });

  it('sends a concern about the headteacher to the chair of governors alone', () => {
    expect(names(routeConcern(profile, head.id))).toEqual(['Chris Chair']);
  });

  it('sends a concern about the chair to the leads', () => {
    expect(names(routeConcern(profile, chair.id))).toEqual(['Dan Deputy', 'Ellie Shea']);
  });

  it('never seals a concern to the person it is about, whoever that is', () => {
    for (const subject of concernSubjects(profile)) {
      expect(routeConcern(profile, subject.id).map((r) => r.id)).not.toContain(subject.id);
    }
  });

  it('never sends concerns to office staff', () => {
    for (const about of [null, dsl.id, deputy.id, head.id, chair.id]) {
      expect(routeConcern(profile, about).map((r) => r.role)).not.toContain('office');
    }
  });

  it('offers leads, the head and the chair as subjects, not office staff', () => {
    expect(
      concernSubjects(profile)
        .map((r) => r.role)
        .sort(),
    ).toEqual(['chair', 'deputy', 'dsl', 'headteacher']);
  });

  it('refuses a concern about the head when there is no chair, pointing to the LADO and NSPCC', () => {
    const noChair = { ...profile, recipients: [dsl, head] };
    expect(() => routeConcern(noChair, head.id)).toThrow(
      'The school profile has no chair of governors to receive a concern about the headteacher: speak to the LADO, or call the NSPCC Whistleblowing Advice Line on 0800 028 0285.',
    );
  });

  it('refuses a concern about the only lead when nobody else can receive it', () => {
    const alone = { ...profile, recipients: [dsl] };
    expect(() => routeConcern(alone, dsl.id)).toThrow(
      /Nobody else on the school profile can receive/,
    );
  });

  it('refuses a subject who is not on the profile, or is office staff', () => {
    expect(() => routeConcern(profile, randomUUID())).toThrow(
      'The person this concern is about is not on the school profile.',
    );
    expect(() => routeConcern(profile, office.id)).toThrow(
      'The person this concern is about is not on the school profile.',
    );
  });
});
