import { describe, expect, it } from 'vitest';
import { oneAtATime } from '@/lib/one-at-a-time';

describe('oneAtATime', () => {
  it('a call made while one is under way joins it; one made after starts anew', async () => {
    let calls = 0;
    let finish: (v: number) => void = () => undefined;
    const read = oneAtATime(
      (_maxAge: number) =>
        new Promise<number>((done) => {
          calls++;
          finish = done;
        }),
    );
    const a = read(1);
    const b = read(2);
    expect(calls).toBe(1);
    finish(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    const c = read(3);
    expect(calls).toBe(2);
    finish(8);
    expect(await c).toBe(8);
  });

  it('a failure reaches every caller that joined, and the next call tries again', async () => {
    let calls = 0;
    const read = oneAtATime(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return 'ok';
    });
    const [a, b] = [read(), read()];
    await expect(a).rejects.toThrow('offline');
    await expect(b).rejects.toThrow('offline');
    expect(await read()).toBe('ok');
    expect(calls).toBe(2);
  });
});
