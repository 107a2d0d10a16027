import { describe, expect, it } from 'vitest';
import { draftOf, EMPTY, fromGrowErrors, referringUrlOf, validate } from '@/components/capture/model';

describe('the page a lead came from', () => {
  it.each([
    ['https://mail.example.com/u/0/inbox?session=s3cr3t&q=acme#msg-42', 'https://mail.example.com/u/0/inbox'],
    ['https://example.org/contact', 'https://example.org/contact'],
    ['https://example.org/', 'https://example.org/'],
    ['http://127.0.0.1:4011/pages/contact?token=abc', 'http://127.0.0.1:4011/pages/contact'],
    ['file:///home/me/letter.html?x=1', 'file:///home/me/letter.html'],
    ['not a url?with=query', 'not a url'],
  ])('%s is sent to Grow as %s', (url, sent) => {
    expect(referringUrlOf(url)).toBe(sent);
  });

  it('goes to Grow as the person left it, and is required', () => {
    const fields = { ...EMPTY, firstName: 'Ada', lastName: 'Lee', message: 'Hi', page: ' https://example.org/contact?keep=me ' };
    expect(draftOf(fields).referringUrl).toBe('https://example.org/contact?keep=me');
    expect(validate({ ...fields, page: ' ' }).page).toBe('growNeedsPage');
    expect(fromGrowErrors({ referring_url: 'is invalid' }).fields).toEqual({ page: 'is invalid' });
  });
});

describe('the lead message', () => {
  it('is refused at the field past 5,000 characters, before anything is sent', () => {
    const fields = { ...EMPTY, firstName: 'Ada', lastName: 'Lee', page: 'https://example.org/', message: 'x'.repeat(5_000) };
    expect(validate(fields).message).toBeUndefined();
    expect(validate({ ...fields, message: 'x'.repeat(5_001) }).message).toBe('leadMessageTooLong');
  });
});
