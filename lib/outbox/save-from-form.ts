/** A form's save through the outbox (time entries, expenses): one rule for what Clio's answer does to the form. */
import { AppError } from '../errors';
import type { Outbox } from './outbox';
import type { OutboxEntry } from './outbox-machine';

/**
 * Writes the entry under the form's `key` (the same key twice is one entry) and tries to send it at once. Clio's
 * refusal goes back to the form, which still holds the input, and the entry is dropped; otherwise `held(key)` is
 * told that the outbox holds it (no draft may offer it again).
 */
export async function saveFromForm<P>(
  outbox: Outbox,
  kind: string,
  payload: P,
  key: string | undefined,
  held: (key: string) => Promise<void>,
): Promise<OutboxEntry<P>> {
  const saved = await outbox.add(kind, payload, key);
  if (saved.state === 'failed' && saved.lastError) {
    await outbox.discard(saved.id);
    throw new AppError(saved.lastError);
  }
  if (key) await held(key);
  return saved;
}
