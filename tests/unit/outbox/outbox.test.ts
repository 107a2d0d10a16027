import { describe, expect, it } from 'vitest';
import { appError, type AppError } from '@/lib/errors';
import { LOCAL_FAILURE_ATTEMPTS, nextDue, transition, type OutboxEntry } from '@/lib/outbox/outbox-machine';
import { Outbox, type Courier, type OutboxStore } from '@/lib/outbox/outbox';

const ME = 'clio#1';

type Fault = 'drop-after-send' | 'drop-before-send' | '429' | '500' | '422' | 'signed-out' | 'die-mid-send';

/** A fake Clio holding created records, and a courier whose next sends fail as scripted. */
function world() {
  let clock = 1_000_000;
  const clio: Array<{ id: number; note: string }> = [];
  const faults: Fault[] = [];
  let sends = 0;
  let stored: OutboxEntry[] = [];
  let saves = 0;
  const store: OutboxStore = {
    load: async () => structuredClone(stored),
    save: async (e) => {
      saves++;
      stored = structuredClone(e);
    },
  };
  const courier: Courier<{ note: string }> = {
    async deliver(p) {
      sends++;
      const fault = faults.shift();
      if (fault === 'drop-before-send') throw appError('network', 'unreachable');
      if (fault === '429') throw appError('rate-limited', 'slow down', { retryAt: clock + 5000 });
      if (fault === '500') throw appError('server', 'boom');
      if (fault === '422') throw appError('validation', 'Date can’t be blank', { fieldErrors: { date: 'can’t be blank' } });
      if (fault === 'signed-out') throw appError('signed-out', 'sign in');
      if (fault === 'die-mid-send') {
        // Clio got it; the worker is killed before the answer arrives: nothing after this runs.
        clio.push({ id: clio.length + 1, note: p.note });
        return new Promise(() => {});
      }
      clio.push({ id: clio.length + 1, note: p.note });
      if (fault === 'drop-after-send') throw appError('network', 'connection dropped');
      return clio.at(-1);
    },
    async find(p, _entry, claimed) {
      return clio.find((r) => r.note === p.note && !claimed.has(r.id)) ?? null;
    },
    // A create that failed with a network error or a 5xx may have reached Clio.
    mayHaveReached: (e: AppError) => e.kind === 'network' || e.kind === 'server',
  };
  let ids = 0;
  const make = () =>
    new Outbox({ store, couriers: { entry: courier as Courier<never> }, now: () => clock, random: () => 0.5, newId: () => `e${++ids}`, owner: async () => ME });
  return {
    clio,
    faults,
    make,
    sends: () => sends,
    saves: () => saves,
    stored: () => stored,
    tick: (ms: number) => (clock += ms),
  };
}

async function settle(w: ReturnType<typeof world>, outbox: Outbox, rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    w.tick(60_000);
    await outbox.flush();
  }
}

describe('Outbox', () => {
  it('delivers at once when Clio answers', async () => {
    const w = world();
    const entry = await w.make().add('entry', { note: 'a' });
    expect(entry.state).toBe('sent');
    expect(w.clio).toHaveLength(1);
  });

  it.each<Fault[]>([['drop-before-send'], ['429'], ['500'], ['drop-after-send'], ['500', 'drop-after-send', '429'], ['drop-after-send', 'drop-after-send']])(
    'delivers exactly once through %j',
    async (...faults) => {
      const w = world();
      w.faults.push(...faults);
      const outbox = w.make();
      const first = await outbox.add('entry', { note: 'n1' });
      expect(first.state === 'pending' || first.state === 'uncertain').toBe(true);
      await settle(w, outbox);
      expect(w.clio.filter((r) => r.note === 'n1')).toHaveLength(1);
      expect(w.stored().find((e) => e.id === first.id)?.state).toBe('sent');
    },
  );

  it('after a drop once the request left, looks in Clio instead of sending again', async () => {
    const w = world();
    w.faults.push('drop-after-send');
    const outbox = w.make();
    const e = await outbox.add('entry', { note: 'n1' });
    expect(e.state).toBe('uncertain');
    await settle(w, outbox);
    expect(w.sends()).toBe(1);
    expect(w.clio).toHaveLength(1);
  });

  it('a worker killed mid-send: the next worker finds the entry in Clio and does not send it again', async () => {
    const w = world();
    w.faults.push('die-mid-send');
    void w.make().add('entry', { note: 'n1' }); // never settles: the worker is gone
    await new Promise((r) => setTimeout(r, 10));
    expect(w.stored()[0]!.state).toBe('sending');
    const reborn = w.make();
    await reborn.recover();
    expect(w.stored()[0]!.state).toBe('uncertain');
    await settle(w, reborn);
    expect(w.clio).toHaveLength(1);
    expect(w.sends()).toBe(1);
    expect(w.stored()[0]!.state).toBe('sent');
  });

  it('a wake with nothing under way writes nothing; at a session start it writes the list again (the surfaces’ copy went with the session)', async () => {
    const w = world();
    w.faults.push('429');
    await w.make().add('entry', { note: 'n1' }); // pending, to be retried
    const before = w.saves();
    await w.make().recover();
    expect(w.saves()).toBe(before);
    expect(w.stored()[0]!.state).toBe('pending');
    await w.make().recover(true);
    expect(w.saves()).toBe(before + 1);
    expect(w.stored()[0]!.state).toBe('pending');
  });

  it('a wake still prunes sent entries past their time', async () => {
    const w = world();
    await w.make().add('entry', { note: 'n1' });
    expect(w.stored()[0]!.state).toBe('sent');
    w.tick(16 * 60_000);
    await w.make().recover();
    expect(w.stored()).toHaveLength(0);
  });

  it('keeps order: a later entry waits behind an earlier one that is waiting to be retried', async () => {
    const w = world();
    w.faults.push('500');
    const outbox = w.make();
    await outbox.add('entry', { note: 'first' });
    const second = await outbox.add('entry', { note: 'second' });
    expect(second.state).toBe('pending');
    expect(w.clio).toEqual([{ id: 1, note: 'first' }].slice(0, w.clio.length));
    await settle(w, outbox);
    expect(w.clio.map((r) => r.note)).toEqual(['first', 'second']);
  });

  it('an entry Clio refuses waits for the user and does not block the others', async () => {
    const w = world();
    w.faults.push('422');
    const outbox = w.make();
    const bad = await outbox.add('entry', { note: 'bad' });
    expect(bad).toMatchObject({ state: 'failed', lastError: { kind: 'validation' } });
    const good = await outbox.add('entry', { note: 'good' });
    expect(good.state).toBe('sent');
    await outbox.retry(bad.id);
    expect((await outbox.get(bad.id))?.state).toBe('sent');
  });

  it('signed out: nothing is lost, it goes when the user is back', async () => {
    const w = world();
    w.faults.push('signed-out', 'signed-out');
    const outbox = w.make();
    const e = await outbox.add('entry', { note: 'kept' });
    expect(e.state).toBe('pending');
    await settle(w, outbox, 3);
    expect(w.clio.map((r) => r.note)).toEqual(['kept']);
  });

  it('honours a rate limit’s retry time', () => {
    const e: OutboxEntry = { id: 'x', kind: 'entry', payload: {}, state: 'sending', attempts: 1, createdAt: 0, nextAttemptAt: 0, owner: ME };
    const after = transition(e, { type: 'failed', at: 100, error: { kind: 'rate-limited', message: '', retryAt: 7100 }, mayHaveReached: false, random: 0 });
    expect(after).toMatchObject({ state: 'pending', nextAttemptAt: 7100 });
    expect(nextDue([after], 7099, () => ME)).toBeUndefined();
    expect(nextDue([after], 7100, () => ME)).toBe(after);
  });

  it('can discard an entry the user gives up on', async () => {
    const w = world();
    w.faults.push('422');
    const outbox = w.make();
    const bad = await outbox.add('entry', { note: 'bad' });
    await outbox.discard(bad.id);
    expect(await outbox.list()).toEqual([]);
  });
});

describe('Outbox keys and kinds', () => {
  it('the same key and content twice is one entry; changed content is another', async () => {
    const w = world();
    w.faults.push('500', '500');
    const outbox = w.make();
    const a = await outbox.add('entry', { note: 'same' }, 'k1');
    const again = await outbox.add('entry', { note: 'same' }, 'k1');
    expect(again.id).toBe(a.id);
    const changed = await outbox.add('entry', { note: 'changed' }, 'k1');
    expect(changed.id).not.toBe(a.id);
    await settle(w, outbox);
    expect(w.clio.map((r) => r.note).sort()).toEqual(['changed', 'same']);
  });

  it('an entry of one kind waiting for its retry does not hold back another kind', async () => {
    const w = world();
    const stuck: Courier<{ note: string }> = {
      deliver: async () => Promise.reject(appError('signed-out', 'connect Grow')),
      find: async () => null,
      mayHaveReached: () => false,
    };
    let stored: OutboxEntry[] = [];
    let delivered = 0;
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: {
        lead: stuck as Courier<never>,
        entry: { deliver: async () => ++delivered, find: async () => null, mayHaveReached: () => false } as Courier<never>,
      },
      owner: async () => ME,
    });
    expect((await outbox.add('lead', { note: 'lead' })).state).toBe('pending');
    expect((await outbox.add('entry', { note: 'time' })).state).toBe('sent');
    expect(delivered).toBe(1);
    void w;
  });

  it('does not take a record another entry already delivered for its own', async () => {
    const w = world();
    const outbox = w.make();
    await outbox.add('entry', { note: 'call' }); // delivered, Clio record 1
    w.faults.push('drop-after-send');
    const second = await outbox.add('entry', { note: 'call' }); // identical content, answer lost
    expect(second.state).toBe('uncertain');
    await settle(w, outbox);
    expect(w.clio.filter((r) => r.note === 'call')).toHaveLength(2);
    expect((await outbox.get(second.id))?.result).toEqual({ id: 2, note: 'call' });
  });
});

describe('Outbox owners', () => {
  it('sends an entry only as the user who made it', async () => {
    let who: string | null = 'clio#1';
    let stored: OutboxEntry[] = [];
    const sent: string[] = [];
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: {
        entry: {
          deliver: async (p: { note: string }) => (sent.push(`${who}:${p.note}`), { id: p.note }),
          find: async () => null,
          mayHaveReached: () => false,
        } as Courier<never>,
      },
      owner: async () => who,
    });
    stored = [{ id: 'a', kind: 'entry', payload: { note: 'mine' }, state: 'pending', attempts: 0, createdAt: 0, nextAttemptAt: 0, owner: 'clio#1' }];
    who = 'clio#2'; // someone else signed in on this browser
    await outbox.flush();
    expect(sent).toEqual([]);
    who = 'clio#1';
    await outbox.flush();
    expect(sent).toEqual(['clio#1:mine']);
  });

  it('queues nothing without an owner: signed out, a save is refused and nothing is stored', async () => {
    let stored: OutboxEntry[] = [];
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: { entry: { deliver: async () => ({}), find: async () => null, mayHaveReached: () => false } as Courier<never> },
      owner: async () => null,
    });
    await expect(outbox.add('entry', { note: 'nobody' })).rejects.toMatchObject({ kind: 'signed-out' });
    expect(stored).toEqual([]);
  });

  it('holds an entry made for a given user (a timer stop after the session ended) until that user signs in again', async () => {
    let who: string | null = null;
    let stored: OutboxEntry[] = [];
    const sent: string[] = [];
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: {
        entry: { deliver: async (p: { note: string }) => (sent.push(p.note), {}), find: async () => null, mayHaveReached: () => false } as Courier<never>,
      },
      owner: async () => who,
    });
    const held = await outbox.add('entry', { note: 'stop' }, undefined, 'clio#1');
    expect(held).toMatchObject({ state: 'pending', owner: 'clio#1' });
    who = 'clio#2';
    await outbox.wake();
    expect(sent).toEqual([]);
    who = 'clio#1';
    await outbox.wake();
    expect(sent).toEqual(['stop']);
  });

  it('never sends an entry without an owner (made before owners were kept and not adopted)', async () => {
    const sent: string[] = [];
    let stored: OutboxEntry[] = [{ id: 'old', kind: 'entry', payload: { note: 'legacy' }, state: 'pending', attempts: 0, createdAt: 0, nextAttemptAt: 0 }];
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: {
        entry: { deliver: async (p: { note: string }) => (sent.push(p.note), {}), find: async () => null, mayHaveReached: () => false } as Courier<never>,
      },
      owner: async () => 'clio#1',
    });
    await outbox.flush();
    expect(sent).toEqual([]);
  });

  it('lists, retries and discards only the signed-in user’s entries', async () => {
    let who: string | null = 'clio#1';
    let stored: OutboxEntry[] = [
      { id: 'a', kind: 'entry', payload: { note: 'mine' }, state: 'failed', attempts: 1, createdAt: 0, nextAttemptAt: Infinity, owner: 'clio#1' },
      { id: 'b', kind: 'entry', payload: { note: 'theirs' }, state: 'failed', attempts: 1, createdAt: 0, nextAttemptAt: Infinity, owner: 'clio#2' },
    ];
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: { entry: { deliver: async () => ({}), find: async () => null, mayHaveReached: () => false } as Courier<never> },
      owner: async () => who,
    });
    expect((await outbox.mine()).map((e) => e.id)).toEqual(['a']);
    await expect(outbox.discard('b')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(outbox.retry('b')).rejects.toMatchObject({ kind: 'forbidden' });
    expect(stored.map((e) => e.id)).toEqual(['a', 'b']);
    who = 'clio#2';
    await outbox.discard('b');
    expect(stored.map((e) => e.id)).toEqual(['a']);
  });

  it('retries a failure of its own (a thrown bug, a storage hiccup) with backoff, and parks it only after a few tries, with the reason', async () => {
    let clock = 0;
    let stored: OutboxEntry[] = [];
    let throws = 0;
    const outbox = new Outbox({
      store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
      couriers: {
        entry: {
          deliver: async () => {
            if (throws-- > 0) throw new Error('IDBDatabase: The transaction was aborted');
            return { id: 1 };
          },
          find: async () => null,
          mayHaveReached: () => false,
        } as Courier<never>,
      },
      owner: async () => ME,
      now: () => clock,
      random: () => 0,
    });
    throws = 2;
    const passing = await outbox.add('entry', { note: 'passes' });
    expect(passing).toMatchObject({ state: 'pending', lastError: { kind: 'internal' } });
    for (let i = 0; i < 5; i++) {
      clock += 60_000;
      await outbox.flush();
    }
    expect((await outbox.get(passing.id))?.state).toBe('sent');

    throws = 100;
    const stuck = await outbox.add('entry', { note: 'stuck' });
    for (let i = 0; i < LOCAL_FAILURE_ATTEMPTS + 2; i++) {
      clock += 10 * 60_000;
      await outbox.flush();
    }
    expect(await outbox.get(stuck.id)).toMatchObject({ state: 'failed', attempts: LOCAL_FAILURE_ATTEMPTS, lastError: { kind: 'internal' } });
  });
});
