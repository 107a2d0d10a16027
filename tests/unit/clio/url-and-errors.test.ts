import { describe, expect, it } from 'vitest';
import { errorFromResponse, fieldErrorsFrom } from '@/lib/clio/errors';
import { say } from '@/lib/i18n';
import { apiUrl, fields, isSameApi } from '@/lib/clio/url';

describe('fields', () => {
  it('joins top-level and one level of nested fields', () => {
    expect(fields(['id', 'display_number'], { client: ['id', 'name'] })).toBe('id,display_number,client{id,name}');
  });
  it('refuses a second nesting level, which Clio answers with 400', () => {
    expect(() => fields(['id'], { client: ['id', 'company{name}'] })).toThrow(/one level/);
  });
});

describe('apiUrl', () => {
  it('appends the path and encodes the query, arrays as key[]', () => {
    const u = new URL(
      apiUrl('https://app.clio.com/api/v4/', '/matters.json', { fields: 'id,client{name}', ids: [1, 2], status: 'open,pending', skip: undefined }),
    );
    expect(u.pathname).toBe('/api/v4/matters.json');
    expect(u.searchParams.get('fields')).toBe('id,client{name}');
    expect(u.searchParams.getAll('ids[]')).toEqual(['1', '2']);
    expect(u.searchParams.has('skip')).toBe(false);
  });
});

describe('isSameApi', () => {
  const base = 'https://app.clio.com/api/v4';
  it('follows paging links on the same API only', () => {
    expect(isSameApi('https://app.clio.com/api/v4/matters.json?page_token=x', base)).toBe(true);
    expect(isSameApi('https://evil.example/api/v4/matters.json', base)).toBe(false);
    expect(isSameApi('https://app.clio.com/oauth/token', base)).toBe(false);
    expect(isSameApi('nonsense', base)).toBe(false);
  });
});

describe('errorFromResponse', () => {
  it.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [412, 'conflict'],
    [422, 'validation'],
    [400, 'validation'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
  ])('maps HTTP %i to %s', (status, kind) => {
    expect(errorFromResponse(status, { error: { type: 'X', message: 'm' } }, undefined).kind).toBe(kind);
  });

  it('keeps when a rate-limited request may go again', () => {
    expect(errorFromResponse(429, {}, 12345).retryAt).toBe(12345);
  });

  it('places 422 messages at the fields they name', () => {
    const e = errorFromResponse(
      422,
      { error: { type: 'ValidationError', message: "Validation failed: Date can't be blank, Quantity must be greater than 0" } },
      undefined,
      ['date', 'quantity', 'note'],
    );
    expect(e.fieldErrors).toEqual({ date: "Date can't be blank", quantity: 'Quantity must be greater than 0' });
    expect(say(e.phrase)).toContain("Date can't be blank");
  });

  it('understands multi-word field names', () => {
    expect(fieldErrorsFrom('Activity description is invalid', ['activity_description', 'note'])).toEqual({
      activity_description: 'Activity description is invalid',
    });
  });
});
