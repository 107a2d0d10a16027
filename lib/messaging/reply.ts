import type { Reply } from './envelope';

export function isReply(m: unknown): m is Reply {
  return typeof m === 'object' && m !== null && typeof (m as Reply).ok === 'boolean';
}
