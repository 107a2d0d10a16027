/**
 * A search index read from the matter store and kept up to date with it: opened from the packed
 * index the store keeps (no tokenising) plus the changes logged after it, then brought forward in
 * place with the changes each later write logs (`catchUp`). Only when those changes are forgotten
 * (a newer packed index replaced them) or the store was cleared is it opened afresh, and the old one
 * answers until the new one is ready. The side panel and the background each hold one. Large work is
 * cut into slices with `pause()` between them, so a page stays responsive while it loads.
 */
import type { IndexedMatter } from './matter';
import type { IndexChanges, IndexLog, MatterStore } from './matter-store';
import { createMatterIndex, type MatterIndex, type MatterSearchOptions, openPackedIndex } from './search';
import { type PackedIndex, packedFromBlob } from './search-packed';
import type { MatterRow } from './matter';

export interface LiveIndexOptions {
  /** Between slices of work (default: none). A page passes a yield to its event loop. */
  pause?: () => Promise<void>;
  /** Matters read from the store at a time when there is no packed index (default 2,000). */
  chunkSize?: number;
  /** Matters indexed between pauses (default 1,000). */
  sliceSize?: number;
  /** How the stored packed index is taken apart (default: at once; a page passes packedFromBlobSliced with its pause). */
  unpack?: (blob: Blob) => Promise<PackedIndex | null>;
}

const noPause = () => Promise.resolve();

export class LiveIndex {
  private index: MatterIndex;
  private at: Pick<IndexLog, 'seq' | 'epoch'>;
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: MatterStore,
    private readonly o: LiveIndexOptions,
    opened: { index: MatterIndex; at: Pick<IndexLog, 'seq' | 'epoch'> },
  ) {
    this.index = opened.index;
    this.at = opened.at;
  }

  /** Opens the index the store holds now. */
  static async open(store: MatterStore, o: LiveIndexOptions = {}): Promise<LiveIndex> {
    const live = new LiveIndex(store, o, await load(store, o));
    await live.catchUp();
    return live;
  }

  search(query: string, opts?: MatterSearchOptions): MatterRow[] {
    return this.index.search(query, opts);
  }

  get(id: number): MatterRow | undefined {
    return this.index.get(id);
  }

  get size(): number {
    return this.index.size;
  }

  /** The point of the store's log the index is as of. */
  get seq(): number {
    return this.at.seq;
  }

  /** Applies what the store logged since this index's point (one call at a time). */
  catchUp(): Promise<void> {
    this.pending = this.pending.then(() => this.step()).catch(() => undefined);
    return this.pending;
  }

  private async step(): Promise<void> {
    const changes = await this.store.changesSince(this.at.seq);
    if (changes.log.epoch !== this.at.epoch || this.at.seq < changes.log.forgottenThrough) {
      // Cleared, or a newer packed index replaced the changes this one still needs: open afresh.
      const fresh = await load(this.store, this.o);
      this.index = fresh.index;
      this.at = fresh.at;
      const rest = await this.store.changesSince(this.at.seq);
      if (rest.log.epoch === this.at.epoch && this.at.seq >= rest.log.forgottenThrough) await this.apply(this.index, rest);
      return;
    }
    await this.apply(this.index, changes);
  }

  private async apply(index: MatterIndex, c: IndexChanges): Promise<void> {
    await upsertSliced(index, c.upserted, this.o);
    index.remove(c.removed);
    this.at = { seq: c.log.seq, epoch: c.log.epoch };
  }

  /**
   * Stores this index packed, when the store's log has grown more than `threshold` changes past the
   * packed index it holds (or holds none): the next reader opens it without those changes to apply.
   */
  async packIfBehind(threshold: number): Promise<boolean> {
    await this.catchUp();
    const log = await this.store.log();
    if (log.epoch !== this.at.epoch || log.seq !== this.at.seq) return false; // written meanwhile: next time
    if (log.packedSeq !== null && log.seq - log.packedSeq <= threshold) return false;
    return this.store.savePacked(this.index.pack(), this.at);
  }
}

/** The index the store holds: its packed index and the changes after it, or (none packed) every matter, read a chunk at a time. */
async function load(store: MatterStore, o: LiveIndexOptions): Promise<{ index: MatterIndex; at: Pick<IndexLog, 'seq' | 'epoch'> }> {
  const pause = o.pause ?? noPause;
  const opened = await store.openPacked();
  const packed = opened.packed && (await (o.unpack ?? packedFromBlob)(opened.packed));
  if (packed) {
    await pause();
    const index = openPackedIndex(packed);
    await pause();
    await upsertSliced(index, opened.upserted, o);
    index.remove(opened.removed);
    return { index, at: opened.log };
  }
  // Nothing packed (or nothing this code reads): every matter, then (in catchUp) whatever was written while they were read.
  const at = opened.log;
  const index = createMatterIndex();
  const size = o.chunkSize ?? 2_000;
  for (let after = 0; ; ) {
    const chunk = await store.chunk(after, size);
    if (!chunk.length) break;
    await upsertSliced(index, chunk, o);
    after = chunk[chunk.length - 1]!.id;
  }
  return { index, at };
}

async function upsertSliced(index: MatterIndex, matters: IndexedMatter[], o: LiveIndexOptions): Promise<void> {
  const slice = o.sliceSize ?? 1_000;
  const pause = o.pause ?? noPause;
  for (let i = 0; i < matters.length; i += slice) {
    index.upsert(matters.slice(i, i + slice));
    if (i + slice < matters.length) await pause();
  }
}
