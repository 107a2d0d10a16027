/**
 * The capture form's rules, free of UI: prefill, candidate labels, validation, Grow's field names.
 * Its words are message keys, said by the form; a phone's extension is written by `phoneText`, which the form gives.
 */
import type { MessageKey } from '@/lib/i18n-keys.generated';
import type { Candidate, ExtractedLead, FieldSource } from '@/lib/page-reading/extract-lead';
import { type LeadDraft, MAX_LEAD_MESSAGE_CHARS } from '@/lib/leads/lead';

export type FieldName = 'firstName' | 'lastName' | 'email' | 'phone' | 'message' | 'page';
export type Fields = Record<FieldName, string>;
export type FieldErrors = Partial<Record<FieldName, string>>;

export const FIELDS: ReadonlyArray<{ name: FieldName; label: MessageKey; required?: boolean; type?: 'email' | 'tel' | 'url'; autocomplete: string }> = [
  { name: 'firstName', label: 'fieldFirstName', required: true, autocomplete: 'off' },
  { name: 'lastName', label: 'fieldLastName', required: true, autocomplete: 'off' },
  { name: 'email', label: 'fieldEmail', type: 'email', autocomplete: 'off' },
  { name: 'phone', label: 'fieldPhone', type: 'tel', autocomplete: 'off' },
  { name: 'message', label: 'fieldMessage', required: true, autocomplete: 'off' },
  { name: 'page', label: 'fieldPage', required: true, type: 'url', autocomplete: 'off' },
];

export const EMPTY: Fields = { firstName: '', lastName: '', email: '', phone: '', message: '', page: '' };

/**
 * The page a lead came from, as Grow gets it (its referring_url): origin and path only. The query and the
 * fragment are left out: they can carry session tokens and search terms. The form shows the full address
 * and lets the person change this one.
 */
export function referringUrlOf(pageUrl: string): string {
  try {
    const u = new URL(pageUrl);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return pageUrl.split(/[?#]/)[0] ?? '';
  }
}

const SOURCE_TEXT: Record<FieldSource, MessageKey> = {
  'mailto-link': 'sourceMailtoLink',
  'tel-link': 'sourceTelLink',
  'json-ld': 'sourceJsonLd',
  'h-card': 'sourceHCard',
  selection: 'sourceSelection',
  context: 'sourceContext',
};
export const sourceKey = (s: FieldSource): MessageKey => SOURCE_TEXT[s] ?? 'sourcePage';

/** A candidate as the form offers it: what it fills in, and how it reads in the "Other" list. */
export interface Choice {
  fill: Partial<Fields>;
  text: string;
  source: FieldSource;
}

/** A phone number with its extension, as this language writes it. */
export type PhoneText = (p: ExtractedLead['phones'][number]) => string;

export function choicesOf(lead: ExtractedLead, phoneText: PhoneText): Partial<Record<FieldName, Choice[]>> {
  const name = (c: Candidate<{ first: string; last: string }>): Choice => ({
    fill: { firstName: c.value.first, lastName: c.value.last },
    text: `${c.value.first} ${c.value.last}`.trim(),
    source: c.source,
  });
  return {
    firstName: lead.names.map(name),
    email: lead.emails.map((c) => ({ fill: { email: c.value }, text: c.value, source: c.source })),
    phone: lead.phones.map((c) => ({ fill: { phone: phoneText(c) }, text: phoneText(c), source: c.source })),
  };
}

/** The fields the first candidates fill; fields nothing was found for stay empty. */
export function prefill(lead: ExtractedLead, phoneText: PhoneText): Fields {
  const [n] = lead.names;
  const [e] = lead.emails;
  const [p] = lead.phones;
  return {
    firstName: n?.value.first ?? '',
    lastName: n?.value.last ?? '',
    email: e?.value ?? '',
    phone: p ? phoneText(p) : '',
    message: lead.message ?? '',
    page: '',
  };
}

const EMAIL_RE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

/** What is wrong with each field, as message keys. */
export function validate(f: Fields): Partial<Record<FieldName, MessageKey>> {
  const errors: Partial<Record<FieldName, MessageKey>> = {};
  if (!f.firstName.trim()) errors.firstName = 'growNeedsFirstName';
  if (!f.lastName.trim()) errors.lastName = 'growNeedsLastName';
  if (!f.message.trim()) errors.message = 'growNeedsMessage';
  else if (f.message.length > MAX_LEAD_MESSAGE_CHARS) errors.message = 'leadMessageTooLong';
  if (!f.page.trim()) errors.page = 'growNeedsPage';
  if (f.email.trim() && !EMAIL_RE.test(f.email.trim())) errors.email = 'notAnEmail';
  return errors;
}

const GROW_FIELDS: Record<string, FieldName> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone_number: 'phone',
  from_message: 'message',
  referring_url: 'page',
};

/** Grow's field errors at the form's fields; what names no field comes back as `other`. */
export function fromGrowErrors(errors: Record<string, string> | undefined): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [k, v] of Object.entries(errors ?? {})) {
    const f = GROW_FIELDS[k];
    if (f) fields[f] = v;
    else other.push(`${k.replace(/_/g, ' ')}: ${v}`);
  }
  return { fields, other };
}

export function draftOf(f: Fields): LeadDraft {
  return {
    firstName: f.firstName.trim(),
    lastName: f.lastName.trim(),
    email: f.email.trim(),
    phone: f.phone.trim(),
    message: f.message.trim(),
    referringUrl: f.page.trim(),
  };
}
