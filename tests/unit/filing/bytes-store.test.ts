/**
 * A document's bytes waiting to be filed: kept in the extension's IndexedDB by the dialog's id, read, dropped; the
 * caps refuse before anything is kept; bytes no outbox entry refers to are swept after a hand-off's time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bytesStore, MAX_FILE_BYTES, MAX_WAITING_BYTES, sizeProblem } from '@/lib/filing/bytes-store';
import { MAX_PARTS_PER_REQUEST, PART_BYTES, planParts } from '@/lib/filing/upload-machine';
import { HAND_OFF_TTL_MS } from '@/lib/storage/hand-offs';

beforeEach(() => fakeBrowser.reset());

const sized = (size: number) => new Blob([new Uint8Array(size)]);
/** Small caps, so the tests hold kilobytes, not the real 50 and 200 MB (whose words are checked below). */
const MB = 1024 * 1024;
const caps = { file: 2 * MB, waiting: 8 * MB };

function world(inUse: string[] = []) {
  let clock = 1_000_000;
  const store = bytesStore({ inUse: async () => new Set(inUse), now: () => clock, caps });
  return { store, later: (ms: number) => void (clock += ms) };
}

describe('bytesStore', () => {
  it('keeps, reads and drops the bytes with their type and name', async () => {
    const { store } = world();
    await store.keep('d1', new Blob(['<html>copy</html>']), { contentType: 'text/html', filename: 'Order.html' });
    const kept = await store.read('d1');
    expect(kept).toMatchObject({ id: 'd1', contentType: 'text/html', filename: 'Order.html', size: 17 });
    expect(await kept!.blob.text()).toBe('<html>copy</html>');
    await store.drop('d1');
    expect(await store.read('d1')).toBeNull();
  });

  it('the caps: 50 MB a file (10 parts, within one multipart request), 200 MB waiting, said in words', () => {
    expect(MAX_FILE_BYTES).toBe(50 * MB);
    expect(planParts(MAX_FILE_BYTES)).toHaveLength(MAX_FILE_BYTES / PART_BYTES);
    expect(planParts(MAX_FILE_BYTES).length).toBeLessThanOrEqual(MAX_PARTS_PER_REQUEST);
    expect(MAX_WAITING_BYTES).toBe(200 * MB);
    expect(sizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(sizeProblem(MAX_FILE_BYTES + 1)).toMatchObject({
      kind: 'validation',
      message: 'This file is 51 MB; documents up to 50 MB can be saved to Clio. Nothing was sent.',
    });
    expect(sizeProblem(1, MAX_WAITING_BYTES)?.message).toContain('nearly 200 MB');
  });

  it('a file over the per-file cap is refused, and nothing is kept', async () => {
    const { store } = world();
    const err = await store.keep('big', sized(caps.file + 1), { contentType: 'application/pdf', filename: 'big.pdf' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'validation', message: 'This file is 3 MB; documents up to 2 MB can be saved to Clio. Nothing was sent.' });
    expect(await store.read('big')).toBeNull();
    await store.keep('max', sized(caps.file), { contentType: 'application/pdf', filename: 'max.pdf' });
    expect((await store.read('max'))?.size).toBe(caps.file);
  });

  it('the total waiting is capped; keeping again under the same id replaces, not adds', async () => {
    const { store } = world();
    const meta = { contentType: 'application/pdf', filename: 'x.pdf' };
    for (let i = 0; i < caps.waiting / caps.file; i++) await store.keep(`f${i}`, sized(caps.file), meta);
    await store.keep('f0', sized(caps.file), meta); // the same id: replaced
    await expect(store.keep('one-more', sized(1), meta)).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('nearly 8 MB') });
    expect(await store.read('one-more')).toBeNull();
    await store.drop('f1');
    await store.keep('one-more', sized(1), meta);
  });

  it('sweeps bytes older than a hand-off that no outbox entry refers to, and only those', async () => {
    const { store, later } = world(['in-outbox']);
    const meta = { contentType: 'text/html', filename: 'p.html' };
    await store.keep('in-outbox', sized(10), meta);
    await store.keep('left-behind', sized(10), meta);
    later(HAND_OFF_TTL_MS - 1);
    await store.keep('fresh', sized(10), meta);
    expect(await store.sweep()).toEqual([]);
    later(1);
    expect(await store.sweep()).toEqual(['left-behind']);
    expect(await store.read('in-outbox')).not.toBeNull();
    expect(await store.read('fresh')).not.toBeNull();
    // Keeping sweeps first, so a stale file never counts against the cap.
    later(HAND_OFF_TTL_MS);
    await store.keep('another', sized(10), meta);
    expect(await store.read('fresh')).toBeNull();
  });
});
