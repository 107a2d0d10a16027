import { describe, expect, it } from 'vitest';
import { isEnvelope, senderMay } from '@/lib/messaging/envelope';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };

describe('who may send what', () => {
  it('lets the extension’s own pages send any message', () => {
    expect(senderMay('auth/sign-in', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, self)).toBe(true);
  });
  it('refuses other extensions and web pages', () => {
    expect(senderMay('auth/sign-in', { id: 'other', url: 'chrome-extension://other/x.html' }, self)).toBe(false);
    expect(senderMay('auth/sign-in', { url: 'https://evil.example/' }, self)).toBe(false);
  });
  it('refuses our own content scripts the messages not meant for them', () => {
    expect(senderMay('auth/sign-out', { id: 'ext-id', url: 'https://some.page/', tab: {} }, self)).toBe(false);
  });
  it('recognises only its own envelopes', () => {
    expect(isEnvelope({ channel: 'clio-companion', type: 'auth/sign-in' })).toBe(true);
    expect(isEnvelope({ type: 'auth/sign-in' })).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});
