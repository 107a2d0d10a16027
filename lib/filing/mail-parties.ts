/**
 * The addresses of the "Save to Clio" dialog's From and To fields. Who an email on a page is from and to: the
 * addresses on its "From:" lines are the senders, those on "To:", "Cc:" lines the receivers. A page that shows
 * addresses without such lines (a thread in a webmail's reading pane) gives its first address as the sender. And
 * the addresses the person typed there. Pure; run in the dialog's page, not in the worker (the filing checks what
 * comes back). The communication's courier matches the addresses to Clio contacts when it sends.
 */
import { emailsInText, RECIPIENT_LINE_RE, structuredEmails } from '../page-reading/emails-links';
import { arr } from '../page-reading/text';

const SENDER_LINE_RE = /^\s*(?:>\s*)*(?:from|sender|reply-to)\s*:/i;
/** The most addresses a communication names on each side. */
export const MAX_PARTIES = 20;

export function partiesOf(text: string): { senders: string[]; receivers: string[] } {
  const senders: string[] = [];
  const receivers: string[] = [];
  const loose: string[] = [];
  for (const line of text.split(/\r?\n/).slice(0, 2_000)) {
    const found = emailsInText(line);
    if (!found.length) continue;
    if (SENDER_LINE_RE.test(line)) senders.push(...found);
    else if (RECIPIENT_LINE_RE.test(line)) receivers.push(...found);
    else loose.push(...found);
  }
  if (!senders.length && loose.length) senders.push(loose[0]!);
  const uniq = (xs: string[]) => [...new Set(xs)].slice(0, MAX_PARTIES);
  const from = uniq(senders);
  return { senders: from, receivers: uniq(receivers.filter((e) => !from.includes(e))) };
}

/** Email addresses the person typed (comma, semicolon or space separated), and those that are not addresses. */
export function splitAddresses(text: string): { ok: string[]; bad: string[] } {
  const ok: string[] = [];
  const bad: string[] = [];
  for (const part of arr<string>(text.split(/[\s,;]+/), 50)) {
    if (!part) continue;
    // The page readers' one check of an address (structuredEmails: "<a@b.example>" or "a@b.example").
    const [email] = structuredEmails(part);
    if (email) ok.push(email);
    else bad.push(part);
  }
  return { ok: [...new Set(ok)], bad };
}
