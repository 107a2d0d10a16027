/**
 * Small text helpers the page readers share: taking an untrusted value as a string or an array only
 * when it is one, cut to a limit (page facts cross from a content script and are not trusted to have
 * the shape their type declares), and collapsing whitespace.
 */
import { MAX_SCAN_CHARS } from './limits';

/** `v` when it is a string, cut to `max`; otherwise ''. */
export function str(v: unknown, max = MAX_SCAN_CHARS): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** The first `max` items of `v` when it is an array; otherwise []. */
export function arr<T = unknown>(v: unknown, max: number): T[] {
  return Array.isArray(v) ? (v.slice(0, max) as T[]) : [];
}

/** Runs of whitespace become one space; ends trimmed. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
