/** Messages of the capture UI (in the page or its fallback window) and of the Grow connection on the options page. */
import { chosenRegion } from '@/lib/auth/app-config';
import { growInboxUrl } from '@/lib/clio/links';
import { appError } from '@/lib/errors';
import { GROW_LEAD, type GrowLeadPayload } from '@/lib/grow/lead-courier';
import { growDuplicates } from '@/lib/grow/leads';
import { extractLead, type CountryCode } from '@/lib/page-reading/extract-lead';
import type { GrowStatus, LeadSendOutcome } from '@/lib/leads/lead';
import type { Handlers } from '@/lib/messaging/serve';
import { growConnectionItem, settingsItem, type GrowConnection } from '@/lib/storage/items';
import { storedCaptureContext } from './capture';
import { LEAD_INBOX_TOKEN_KEY, type Services } from './services';

/** Numbers written without a country code are read as the firm's country. */
function defaultCountry(region: string): CountryCode {
  if (region === 'US' || region === 'CA' || region === 'AU') return region;
  const fromLocale = /-([A-Z]{2})$/.exec(navigator.language)?.[1];
  return (fromLocale as CountryCode | undefined) ?? (region === 'EU' ? 'GB' : 'US');
}

export function captureHandlers({ grow, growSession, outbox, vault, hosts, build }: Services): Handlers {
  const status = async (): Promise<GrowStatus> => ({ via: (await growConnectionItem.getValue()).via, inboxUrl: growInboxUrl(await hosts()) });
  const connection = async (): Promise<GrowConnection> => {
    if (await growSession.isSignedIn()) return (await growConnectionItem.getValue()).via === 'oauth' ? growConnectionItem.getValue() : { via: 'oauth' };
    return (await vault.get<string>(LEAD_INBOX_TOKEN_KEY)) ? { via: 'lead-inbox-token' } : { via: null };
  };
  const save = async (c: GrowConnection) => (await growConnectionItem.setValue(c), c);

  return {
    'capture/context': async ({ clickId }, sender) => {
      const ctx = await storedCaptureContext(clickId, clickId ? undefined : sender.tab?.id);
      if (!ctx) throw appError('bad-request', 'Right-click the page again and choose “Capture as Clio Grow lead”.');
      return ctx;
    },
    'lead/extract': async (facts) => extractLead(facts, { defaultCountry: defaultCountry(chosenRegion(await settingsItem.getValue(), build)) }),
    'lead/duplicates': async ({ email, phone }, sender) => {
      if ((await status()).via !== 'oauth') return [];
      const found = await growDuplicates(grow, email, phone);
      // A page could read the in-page dialog: its content script gets the names it shows, nothing more.
      return sender.tab ? found.map(({ name }) => ({ name })) : found;
    },
    'lead/send': async (draft): Promise<LeadSendOutcome> => {
      const { via, inboxUrl } = await status();
      if (!via) throw appError('signed-out', 'Connect Clio Grow on the extension’s options page first. This lead stays here until you send it.');
      const payload: GrowLeadPayload = { draft, source: (await settingsItem.getValue()).leadSource, via };
      const entry = await outbox.add(GROW_LEAD, payload);
      const who = `${draft.firstName} ${draft.lastName}`.trim();
      if (entry.state === 'sent') return { state: 'sent', message: `Sent to Clio Grow: ${who} is in the inbox.`, inboxUrl };
      if (entry.state === 'failed') {
        await outbox.discard(entry.id); // the form still holds the lead: the user fixes it there
        return {
          state: 'failed',
          message: entry.lastError?.message ?? 'Clio Grow refused the lead.',
          inboxUrl,
          ...(entry.lastError?.fieldErrors ? { fieldErrors: entry.lastError.fieldErrors } : {}),
        };
      }
      return { state: 'pending', message: `Clio Grow can’t be reached right now. The lead for ${who} is kept and will be sent; nothing is lost.`, inboxUrl };
    },
    'grow/status': status,
    'grow/connect': async () => {
      await growSession.signIn();
      let who: string | undefined;
      try {
        const me = await grow.get<{ first_name?: string; last_name?: string; account?: { firm_name?: string } }>('/users/who_am_i');
        who = [[me.first_name, me.last_name].filter(Boolean).join(' '), me.account?.firm_name].filter(Boolean).join(', ') || undefined;
      } catch {
        // Connected all the same; the name is only for show.
      }
      void outbox.wake();
      return save(who ? { via: 'oauth', who } : { via: 'oauth' });
    },
    'grow/disconnect': async () => {
      await growSession.signOut();
      return save(await connection());
    },
    'grow/set-lead-inbox-token': async ({ token }) => {
      if (token.trim()) await vault.set(LEAD_INBOX_TOKEN_KEY, token.trim());
      else await vault.delete(LEAD_INBOX_TOKEN_KEY);
      return save(await connection());
    },
  };
}
