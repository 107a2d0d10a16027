/** A record's ETag: changes whenever the record does. */
import { createHash } from 'node:crypto';

export function etagOf(kind: string, id: number, rev: number, updatedAt: number): string {
  return `"${createHash('sha1').update(`${kind}:${id}:${rev}:${updatedAt}`).digest('hex').slice(0, 32)}"`;
}
