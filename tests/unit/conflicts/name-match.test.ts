import { describe, expect, it } from 'vitest';
import { matchContact, matchName, readConflictQuery } from '@/lib/conflicts/name-match';

const nameQ = (s: string) => {
  const q = readConflictQuery(s);
  if (q?.kind !== 'name') throw new Error(`not a name: ${s}`);
  return q;
};

describe('conflict check: reading the query', () => {
  it('an email, a phone, or a name', () => {
    expect(readConflictQuery(' Jane.Smith@Example.org ')).toEqual({ kind: 'email', value: 'jane.smith@example.org' });
    expect(readConflictQuery('+1 (617) 555-0142')).toEqual({ kind: 'phone', value: '6175550142' });
    expect(readConflictQuery('Smith, John A.')).toMatchObject({ kind: 'name', value: 'john smith', first: 'john', last: 'smith' });
    expect(readConflictQuery('  ')).toBeNull();
    expect(readConflictQuery('A.')).toBeNull();
  });
});

describe('conflict check: names', () => {
  it('tolerates accents, case, middle names and initials, and "Last, First"', () => {
    expect(matchName(nameQ('Noemie Nakagawa'), 'Noémie NAKAGAWA')).toBe('exact name');
    expect(matchName(nameQ('John Smith'), 'John A. Smith')).toBe('exact name'); // an initial is no word
    expect(matchName(nameQ('John Smith'), 'John Andrew Smith')).toBe('similar name');
    expect(matchName(nameQ('Smith, John'), 'John Smith')).toBe('exact name');
    expect(matchName(nameQ('John Smith'), 'Smith John')).toBe('similar name');
    expect(matchName(nameQ('Dr. Ada Lee'), 'Ada Lee')).toBe('exact name');
  });

  it('near-misses are no match', () => {
    expect(matchName(nameQ('John Smith'), 'Jon Smith')).toBeNull();
    expect(matchName(nameQ('John Smith'), 'John Smithers')).toBeNull();
    expect(matchName(nameQ('Ann Lee'), 'Annabel Lee-Wong')).toBeNull();
  });

  it('one word meets a first or last name', () => {
    expect(matchName(nameQ('Okafor'), 'Adaeze Okafor')).toBe('similar name');
    expect(matchName(nameQ('Okafor'), 'Okafor Dental LLC')).toBe('similar name');
    expect(matchName(nameQ('Okafor'), 'Ada Lee')).toBeNull();
  });

  it('contacts by email and phone, exactly', () => {
    const c = { name: 'Ada Lee', emails: ['ADA@lee.example', null], phones: ['(617) 555-0142'] };
    expect(matchContact(readConflictQuery('ada@lee.example')!, c)).toBe('exact email');
    expect(matchContact(readConflictQuery('617.555.0142')!, c)).toBe('same phone');
    expect(matchContact(readConflictQuery('617.555.0143')!, c)).toBeNull();
  });
});
