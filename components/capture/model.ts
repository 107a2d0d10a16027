/** The capture form's rules, free of UI: prefill, candidate labels, validation, Grow's field names. */
import type { Candidate, ExtractedLead, FieldSource } from '@/lib/page-reading/extract-lead';
import type { LeadDraft } from '@/lib/leads/lead';

export type FieldName = 'firstName' | 'lastName' | 'email' | 'phone' | 'message';
export type Fields = Record<FieldName, string>;
export type FieldErrors = Partial<Record<FieldName, string>>;

export const FIELDS: ReadonlyArray<{ name: FieldName; label: string; required?: boolean; type?: 'email' | 'tel'; autocomplete: string }> = [
  { name: 'firstName', label: 'First name', required: true, autocomplete: 'off' },
  { name: 'lastName', label: 'Last name', required: true, autocomplete: 'off' },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'off' },
  { name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'off' },
  { name: 'message', label: 'Message', required: true, autocomplete: 'off' },
];

export const EMPTY: Fields = { firstName: '', lastName: '', email: '', phone: '', message: '' };

const SOURCE_TEXT: Record<FieldSource, string> = {
  'mailto-link': 'from a mailto link',
  'tel-link': 'from a phone link',
  'json-ld': "from the page's contact data",
  'h-card': "from the page's contact card",
  selection: 'from the selection',
  context: 'from the text near the selection',
};
export const sourceText = (s: FieldSource): string => SOURCE_TEXT[s] ?? 'from the page';

/** A candidate as the form offers it: what it fills in, and how it reads in the "Other" list. */
export interface Choice {
  fill: Partial<Fields>;
  text: string;
  source: FieldSource;
}

const phoneText = (p: ExtractedLead['phones'][number]) => (p.ext ? `${p.value} ext. ${p.ext}` : p.value);

export function choicesOf(lead: ExtractedLead): Partial<Record<FieldName, Choice[]>> {
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
export function prefill(lead: ExtractedLead): Fields {
  const [n] = lead.names;
  const [e] = lead.emails;
  const [p] = lead.phones;
  return {
    firstName: n?.value.first ?? '',
    lastName: n?.value.last ?? '',
    email: e?.value ?? '',
    phone: p ? phoneText(p) : '',
    message: lead.message ?? '',
  };
}

const EMAIL_RE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

export function validate(f: Fields): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.firstName.trim()) errors.firstName = 'Clio Grow needs a first name.';
  if (!f.lastName.trim()) errors.lastName = 'Clio Grow needs a last name.';
  if (!f.message.trim()) errors.message = 'Clio Grow needs a message.';
  if (f.email.trim() && !EMAIL_RE.test(f.email.trim())) errors.email = 'This is not an email address (name@example.com).';
  return errors;
}

const GROW_FIELDS: Record<string, FieldName> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone_number: 'phone',
  from_message: 'message',
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

export function draftOf(f: Fields, referringUrl: string): LeadDraft {
  return {
    firstName: f.firstName.trim(),
    lastName: f.lastName.trim(),
    email: f.email.trim(),
    phone: f.phone.trim(),
    message: f.message.trim(),
    referringUrl,
  };
}
