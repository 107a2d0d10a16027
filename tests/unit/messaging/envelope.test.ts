import { describe, expect, it } from 'vitest';
import { isEnvelope, senderMay } from '@/lib/messaging/envelope';
import { CONTENT_SCRIPT_MESSAGES, type MessageType } from '@/lib/messaging/protocol';

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
  describe('triggers/… (a menu click, a command, omnibox input raised by a message)', () => {
    const triggers: MessageType[] = ['triggers/menu-click', 'triggers/command', 'triggers/omnibox-input'];
    it.each(triggers)('%s: refused from a content script, even on a page of the extension’s own origin name', (type) => {
      expect(senderMay(type, { id: 'ext-id', url: 'https://some.page/', tab: { id: 3 } }, self)).toBe(false);
      expect(senderMay(type, { id: 'ext-id', url: 'http://127.0.0.1:4012/pages/contact', tab: { id: 3 } }, self)).toBe(false);
      expect(senderMay(type, { id: 'ext-id', tab: { id: 3 } }, self)).toBe(false);
    });
    it.each(triggers)('%s: refused from other extensions and web pages', (type) => {
      expect(senderMay(type, { id: 'other', url: 'chrome-extension://other/popup.html' }, self)).toBe(false);
      expect(senderMay(type, { url: 'https://evil.example/' }, self)).toBe(false);
    });
    it.each(triggers)('%s: accepted from the extension’s own pages, in Chrome and in Firefox', (type) => {
      expect(senderMay(type, { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, self)).toBe(true);
      const firefox = { id: 'clio-companion@example.org', origin: 'moz-extension://3c4e1f0a-7d52-4b8e-9a61-c110c0a9e2f5' };
      expect(senderMay(type, { id: firefox.id, url: `${firefox.origin}/options.html`, tab: { id: 2 } }, firefox)).toBe(true);
      expect(senderMay(type, { id: firefox.id, url: 'https://some.page/', tab: { id: 2 } }, firefox)).toBe(false);
    });
    it('no trigger is among the messages content scripts may send', () => {
      expect([...CONTENT_SCRIPT_MESSAGES].filter((t) => t.startsWith('triggers/'))).toEqual([]);
    });
  });

  it('recognises only its own envelopes', () => {
    expect(isEnvelope({ channel: 'clio-companion', type: 'auth/sign-in' })).toBe(true);
    expect(isEnvelope({ type: 'auth/sign-in' })).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});
