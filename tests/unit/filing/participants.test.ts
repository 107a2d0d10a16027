/** A filed email's senders and receivers matched to Clio: the rules (pure). */
import { describe, expect, it } from 'vitest';
import { addressesOf, contactQueryFor, contactsByEmail, matchParticipants, type Participant } from '@/lib/filing/participants';

describe('participants', () => {
  it('addresses are compared in lower case, without mailto:, each once; what is not an address is dropped', () => {
    expect(addressesOf(['Ann@Firm.example', 'mailto:bo@x.example'], ['ann@firm.example', 'not an address', ''])).toEqual(['ann@firm.example', 'bo@x.example']);
  });

  it('one contacts request: nothing left → none; one address → it; several → their shared domain, else the first', () => {
    expect(contactQueryFor([])).toBeNull();
    expect(contactQueryFor(['a@x.example'])).toBe('a@x.example');
    expect(contactQueryFor(['a@x.example', 'b@x.example'])).toBe('x.example');
    expect(contactQueryFor(['a@x.example', 'b@y.example'])).toBe('a@x.example');
  });

  it('a contacts answer by each of its addresses (the first contact holding an address wins)', () => {
    const byEmail = contactsByEmail([
      { id: 1, email_addresses: [{ address: 'A@x.example' }, { address: 'a2@x.example' }] },
      { id: 2, email_addresses: [{ address: 'a@x.example' }, { address: null }] },
      { id: 3, email_addresses: null },
    ]);
    expect([...byEmail]).toEqual([
      ['a@x.example', { id: 1, type: 'Contact' }],
      ['a2@x.example', { id: 1, type: 'Contact' }],
    ]);
  });

  it('matches each side (a participant once per side), and lists each address left out once, as first given', () => {
    const known = new Map<string, Participant>([
      ['me@firm.example', { id: 7, type: 'User' }],
      ['ann@client.example', { id: 40, type: 'Contact' }],
      ['ann.other@client.example', { id: 40, type: 'Contact' }],
    ]);
    expect(
      matchParticipants(['Ann@Client.example', 'ann.other@client.example'], ['me@firm.example', 'Stranger@else.example', 'stranger@else.example'], known),
    ).toEqual({
      senders: [{ id: 40, type: 'Contact' }],
      receivers: [{ id: 7, type: 'User' }],
      unmatched: ['Stranger@else.example'],
    });
  });
});
