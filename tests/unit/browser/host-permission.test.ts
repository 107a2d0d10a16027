/** The pattern an upload origin is asked for by: Chrome's with its port, Firefox's without (its patterns take none). */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mayReach, originPattern } from '@/lib/browser/host-permission';

describe('host permission', () => {
  it('asks Chrome for the origin with its port, Firefox for the host alone', () => {
    expect(originPattern('http://127.0.0.2:4121/upload/x?sig=1', false)).toBe('http://127.0.0.2:4121/*');
    expect(originPattern('http://127.0.0.2:4121/upload/x?sig=1', true)).toBe('http://127.0.0.2/*');
    expect(originPattern('https://bucket.s3.amazonaws.com/key', true)).toBe('https://bucket.s3.amazonaws.com/*');
  });

  it('a browser that cannot answer is taken as "not allowed"', async () => {
    fakeBrowser.reset();
    (fakeBrowser as unknown as { permissions: { contains: () => Promise<boolean> } }).permissions.contains = () => Promise.reject(new Error('no'));
    expect(await mayReach('https://bucket.s3.amazonaws.com/key')).toBe(false);
  });
});
