/**
 * Why a filing request cannot be filed, by field; null when it can. The background checks what the dialog (or the
 * side panel's note form) checked: a message may come from any of the extension's pages, in any state.
 */
import { type AppError, appError } from '../errors';
import { t } from '../i18n';
import { isCalendarDate } from '../time-entries/time-entry-service';
import type { FilingRequest } from './filing-request';

/** Clio's names and subjects are short strings; bodies and note texts are long ones, within reason. */
export const MAX_SUBJECT_CHARS = 255;
export const MAX_TEXT_CHARS = 100_000;
/** At most this many senders and receivers each. */
export const MAX_ADDRESSES = 50;
/** A linked time entry is at most a day. */
export const MAX_HOURS = 24;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isFilled = (v: unknown, max: number): v is string => isText(v, max) && v.trim() !== '';
const isAddressList = (v: unknown) => Array.isArray(v) && v.length <= MAX_ADDRESSES && v.every((a) => isText(a, 320));

export function filingProblem(r: FilingRequest): AppError | null {
  const at = (field: string, message: string) => appError('validation', message, { fieldErrors: { [field]: message } });
  if (!r || !isFilled(r.id, 200)) return appError('bad-request', t('filingUnknownRequest'));
  if (!r.matter || !Number.isInteger(r.matter.id) || r.matter.id <= 0) return at('matter', t('chooseMatter'));
  if (r.pageUrl !== undefined && !isText(r.pageUrl, 4096)) return appError('bad-request', t('filingUnknownRequest'));
  if (!r.document && !r.communication && !r.note) return appError('validation', t('filingNothingChosen'));
  const d = r.document;
  if (d) {
    if (!isFilled(d.name, MAX_SUBJECT_CHARS)) return at('name', t('documentNameNeeded'));
    if (d.source !== 'page-copy' && d.source !== 'pdf') return appError('bad-request', t('filingUnknownRequest'));
  }
  const c = r.communication;
  if (c) {
    if (!isFilled(c.subject, MAX_SUBJECT_CHARS)) return at('subject', t('subjectNeeded'));
    if (!isText(c.body, MAX_TEXT_CHARS)) return at('body', t('textTooLong'));
    if (typeof c.date !== 'string' || !isCalendarDate(c.date)) return at('date', t('enterRealDate'));
    if (!isAddressList(c.senders) || !isAddressList(c.receivers)) return appError('bad-request', t('filingUnknownRequest'));
    if (c.hours !== undefined && !(typeof c.hours === 'number' && c.hours > 0 && c.hours <= MAX_HOURS)) return at('hours', t('hoursInvalid'));
  }
  const n = r.note;
  if (n) {
    if (!isFilled(n.subject, MAX_SUBJECT_CHARS)) return at('subject', t('subjectNeeded'));
    if (!isText(n.detail, MAX_TEXT_CHARS)) return at('detail', t('textTooLong'));
  }
  return null;
}
