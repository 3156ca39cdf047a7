/** Acknowledgements are believed only when signed by a recipient on the pinned profile. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAcknowledgement, verifyAcknowledgement } from '../../src/concerns';
import { generateAgeKeyPair, generateSigningKeyPair } from '../../src/crypto';
import { newProfile } from '../../src/school';

async function fixture() {
  const lead = generateSigningKeyPair();
  const age = await generateAgeKeyPair();
  const recipientId = randomUUID();
  const profile = newProfile({
    schoolName: 'Barnsole Primary',
    rootKey: generateSigningKeyPair().publicKey,
    recipients: [
      {
        id: recipientId,
        name: 'Ellie Shea',
        role: 'dsl',
        ageRecipient: age.recipient,
        verifyKey: lead.publicKey,
      },
    ],
    now: new Date(),
  });
  return { lead, recipientId, profile };
}

describe('acknowledgements', () => {
  it('accepts one signed by a lead on the profile, for that concern', async () => {
    const { lead, recipientId, profile } = await fixture();
    const concernId = randomUUID();
    const at = new Date('2026-11-24T09:00:00Z');
    const json = signAcknowledgement({ concernId, recipientId, signingKey: lead.privateKey, at });
    expect(verifyAcknowledgement(json, concernId, profile, [recipientId])).toBe(
      '2026-11-24T09:00:00.000Z',
    );
  });

  it('ignores one signed by a key that is not on the profile (a share writer)', async () => {
    const { recipientId, profile } = await fixture();
    const concernId = randomUUID();
    const forged = signAcknowledgement({
      concernId,
      recipientId,
      signingKey: generateSigningKeyPair().privateKey,
      at: new Date(),
    });
    expect(verifyAcknowledgement(forged, concernId, profile, [recipientId])).toBeNull();
  });

  it('ignores one copied from another concern, or altered', async () => {
    const { lead, recipientId, profile } = await fixture();
    const concernId = randomUUID();
    const json = signAcknowledgement({
      concernId,
      recipientId,
      signingKey: lead.privateKey,
      at: new Date(),
    });
    expect(verifyAcknowledgement(json, randomUUID(), profile, [recipientId])).toBeNull();
    expect(
      verifyAcknowledgement(
        json.replace(/"acknowledgedAt": "[^"]+"/, '"acknowledgedAt": "2030-01-01T00:00:00.000Z"'),
        concernId,
        profile,
        [recipientId],
      ),
    ).toBeNull();
    expect(verifyAcknowledgement('not json', concernId, profile, [recipientId])).toBeNull();
  });
});
