import { describe, expect, it } from 'vitest';
import { seedDb } from '../../../sandbox/seed';

describe('seed', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const strip = (seed: number): unknown => [...seedDb({ seed, matters: 200 }).matters.values()].map((m) => [m.displayNumber, m.description, m.status]);
    expect(strip(7)).toEqual(strip(7));
    expect(strip(7)).not.toEqual(strip(8));
  });

  it('builds a realistic firm', () => {
    const db = seedDb({ seed: 1, matters: 3000 });
    expect(db.users).toHaveLength(3);
    expect(db.contacts.size).toBeGreaterThanOrEqual(800);
    expect(db.matters.size).toBe(3000);
    expect(db.activityDescriptions.size).toBeGreaterThanOrEqual(15);
    expect(db.activities.size).toBeGreaterThan(50);
    const contacts = [...db.contacts.values()];
    expect(contacts.some((c) => c.type === 'Company')).toBe(true);
    expect(contacts.some((c) => /[À-ž]/.test(c.name))).toBe(true);
    expect(contacts.every((c) => /^\(\d{3}\) \d{3}-\d{4}$/.test(c.phones[0]!.number))).toBe(true);
    const matters = [...db.matters.values()];
    expect(matters[41]!.displayNumber).toMatch(/^00042-[A-Za-z]+$/);
    const statuses = matters.reduce<Record<string, number>>((acc, m) => {
      acc[m.status] = (acc[m.status] ?? 0) + 1;
      return acc;
    }, {});
    expect(statuses.Open!).toBeGreaterThan(statuses.Pending! + statuses.Closed!);
    expect(new Set(matters.map((m) => m.updatedAt.toString().slice(0, 4))).size).toBeGreaterThan(3);
    // Contacts in matters other than as their client: opposing parties and witnesses, a few of them another matter's client.
    const relationships = [...db.relationships.values()];
    expect(new Set(relationships.map((r) => r.description))).toEqual(new Set(['Opposing Party', 'Witness']));
    expect(relationships.every((r) => db.matters.get(r.matterId)!.clientId !== r.contactId)).toBe(true);
    expect(relationships.filter((r) => db.contacts.get(r.contactId)!.isClient).length).toBeGreaterThan(5);
    const manageEmails = new Set(contacts.flatMap((c) => c.emails.map((e) => e.address)));
    expect(db.growContacts.filter((g) => g.email && manageEmails.has(g.email)).length).toBeGreaterThan(50);
  });

  // Its speed is the bench's to measure (a timed assertion fails on a loaded machine, not on slow code).
  it('seeds 10,000 matters', () => {
    expect(seedDb({ seed: 3, matters: 10_000 }).matters.size).toBe(10_000);
  });
});
