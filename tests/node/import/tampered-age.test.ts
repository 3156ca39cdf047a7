import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeDesks,
  concernDocument,
  expectPassedOver,
  expectQuarantined,
  freshDesk,
  leadFixture,
  putConcern,
  REASONS,
  sealedConcern,
  type LeadFixture,
} from './support';

let lead: LeadFixture;

beforeAll(async () => {
  lead = await leadFixture();
});

afterAll(async () => {
  await lead.school.cleanup();
});

afterEach(closeDesks);

/** The index just past the age header (after the `--- MAC` line). */
function headerEnd(sealed: Uint8Array): number {
  const text = Buffer.from(sealed).toString('latin1');
  const macLine = text.indexOf('\n--- ');
  if (macLine < 0) throw new Error('no age header MAC line');
  return text.indexOf('\n', macLine + 1) + 1;
}

/** Replaces one base64 field of the header by the same bytes with one bit flipped. */
function flipBase64(sealed: Uint8Array, start: number, end: number): Buffer {
  const out = Buffer.from(sealed);
  const field = out.subarray(start, end).toString('latin1');
  const bytes = Buffer.from(field, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  const flipped = bytes.toString('base64').replace(/=+$/, '');
  expect(flipped).toHaveLength(field.length);
  out.write(flipped, start, 'latin1');
  return out;
}

function flipHeaderMac(sealed: Uint8Array): Buffer {
  const text = Buffer.from(sealed).toString('latin1');
  const start = text.indexOf('\n--- ') + 5;
  return flipBase64(sealed, start, text.indexOf('\n', start));
}

function flipStanzaBody(sealed: Uint8Array): Buffer {
  const text = Buffer.from(sealed).toString('latin1');
  const start = text.indexOf('\n', text.indexOf('\n-> X25519 ') + 1) + 1;
  return flipBase64(sealed, start, text.indexOf('\n', start));
}

describe('quarantine: tampered age files', () => {
  it('quarantines a file with one byte flipped in its encrypted payload as tampered', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk);
    const sealed = Buffer.from(await sealedConcern(desk, document));
    const end = headerEnd(sealed);
    const at = end + Math.floor((sealed.length - end) / 2);
    sealed.writeUInt8(sealed.readUInt8(at) ^ 0x01, at);
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'tampered', REASONS.tamperedPayload);
  });

  it('quarantines a file whose payload was cut short as tampered or truncated', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk);
    const sealed = await sealedConcern(desk, document);
    const file = await putConcern(desk, document, sealed.subarray(0, sealed.length - 10));
    await expectQuarantined(desk, file, 'tampered', REASONS.tamperedPayload);
  });

  it('quarantines a file whose header MAC was altered as a tampered header', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk);
    const file = await putConcern(
      desk,
      document,
      flipHeaderMac(await sealedConcern(desk, document)),
    );
    await expectQuarantined(desk, file, 'tampered', REASONS.tamperedHeader);
  });

  it('passes over, in silence, a file whose recipient stanza was altered', async () => {
    // An altered X25519 stanza no longer unwraps with our identity: age cannot tell it from a
    // stanza for someone else, and a concern for someone else is never mentioned.
    const desk = await freshDesk(lead);
    const document = concernDocument(desk);
    await putConcern(desk, document, flipStanzaBody(await sealedConcern(desk, document)));
    await expectPassedOver(desk);
  });
});
