/**
 * Who an email on a page is from and to: the addresses on its "From:" lines are the senders, those on "To:",
 * "Cc:" lines the receivers. A page that shows addresses without such lines (a thread in a webmail's reading
 * pane) gives its first address as the sender. Pure; run in the "Save to Clio" dialog's page, whose From and To
 * fields it fills (the filing checks what comes back), not in the worker. The communication's courier matches
 * the addresses to Clio contacts when it sends.
 */
import { emailsInText, RECIPIENT_LINE_RE } from '../page-reading/emails-links';

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
