/**
 * The background's message families: each file serves exactly its own family, every message of the
 * protocol has a handler, and each handler hands its request to the right service call unchanged.
 * The services are recorded, not run: they have tests of their own.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { allMessages } from '@/entrypoints/background/messages/index';
import { activityDescriptionMessages } from '@/entrypoints/background/messages/activity-descriptions';
import { authMessages } from '@/entrypoints/background/messages/auth';
import { growMessages } from '@/entrypoints/background/messages/grow';
import { leadMessages } from '@/entrypoints/background/messages/leads';
import { matterMessages } from '@/entrypoints/background/messages/matters';
import { outboxMessages } from '@/entrypoints/background/messages/outbox';
import { suggestionMessages } from '@/entrypoints/background/messages/suggestions';
import { conflictMessages } from '@/entrypoints/background/messages/conflicts';
import { timeEntryMessages } from '@/entrypoints/background/messages/time-entries';
import { expenseMessages } from '@/entrypoints/background/messages/expenses';
import { filingMessages } from '@/entrypoints/background/messages/filing';
import { saveDialogMessages } from '@/entrypoints/background/messages/save-dialog';
import { deadlineMessages } from '@/entrypoints/background/messages/deadlines';
import { billingMessages } from '@/entrypoints/background/messages/billing';
import { injuryMessages } from '@/entrypoints/background/messages/injury';
import { deadlineDialogMessages } from '@/entrypoints/background/messages/deadline-dialog';
import { timerMessages } from '@/entrypoints/background/messages/timer';
import { reminderMessages } from '@/entrypoints/background/messages/reminders';
import { triggerMessages } from '@/entrypoints/background/messages/triggers';
import type { Services } from '@/entrypoints/background/services';
import { CONTENT_SCRIPT_MESSAGES, type MessageType } from '@/lib/messaging/protocol';

/** Every method of every service, recording its calls and answering `'ok'`. */
function recordingServices(): { services: Services; calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const service = (name: string) =>
    new Proxy(
      {},
      {
        get:
          (_t, method: string) =>
          (...args: unknown[]) => (calls.push([`${name}.${method}`, args]), Promise.resolve('ok')),
      },
    );
  const services = {
    account: service('account'),
    timer: service('timer'),
    timeEntries: service('timeEntries'),
    expenses: service('expenses'),
    filing: service('filing'),
    expenseSetup: (...args: unknown[]) => (calls.push(['expenseSetup', args]), Promise.resolve({ categories: [], currency: null })),
    deadlines: service('deadlines'),
    billing: service('billing'),
    injury: service('injury'),
    deadlineSetup: (...args: unknown[]) => (calls.push(['deadlineSetup', args]), Promise.resolve({ users: [], calendar: null })),
    outbox: service('outbox'),
    matters: service('matters'),
    leads: service('leads'),
    deadlineDialog: service('deadlineDialog'),
    growConnection: service('growConnection'),
    activityDescriptions: (...args: unknown[]) => (calls.push(['activityDescriptions', args]), Promise.resolve([])),
  } as unknown as Services;
  return { services, calls };
}

const fromPage = { id: 'ext', tab: { id: 4 } } as unknown as Browser.runtime.MessageSender;
const fromExtension = { id: 'ext', url: 'chrome-extension://ext/popup.html' } as unknown as Browser.runtime.MessageSender;

describe('message families', () => {
  const { services } = recordingServices();
  const families: Array<[string, object]> = [
    ['auth', authMessages(services)],
    ['timer', timerMessages(services)],
    ['reminders', reminderMessages(services)],
    ['time-entries', timeEntryMessages(services)],
    ['expenses', expenseMessages(services)],
    ['filing', filingMessages(services)],
    ['deadlines', deadlineMessages(services)],
    ['billing', billingMessages(services)],
    ['injury', injuryMessages(services)],
    ['outbox', outboxMessages(services)],
    ['activity-descriptions', activityDescriptionMessages(services)],
    ['matters', matterMessages(services)],
    ['leads', leadMessages(services)],
    ['save-dialog', saveDialogMessages(services)],
    ['deadline-dialog', deadlineDialogMessages(services)],
    ['grow', growMessages(services)],
    ['triggers', triggerMessages(services)],
    ['suggestions', suggestionMessages(services)],
    ['conflicts', conflictMessages(services)],
  ];

  it.each(families)('the %s file serves only its own family', (family, handlers) => {
    for (const type of Object.keys(handlers)) expect(type.startsWith(`${family}/`)).toBe(true);
  });

  it('every message is served by exactly one family file (drafts included)', () => {
    const served = [...families.flatMap(([, h]) => Object.keys(h)), 'drafts/keep-popup', 'drafts/keep-panel'].sort();
    expect(Object.keys(allMessages(services)).sort()).toEqual(served);
    expect(new Set(served).size).toBe(served.length);
  });

  it('content scripts may only hand a page over to a dialog: all the rest comes from extension pages (the frame)', () => {
    expect([...CONTENT_SCRIPT_MESSAGES]).toEqual(['leads/hand-off', 'save-dialog/hand-off', 'save-dialog/page-copy', 'deadline-dialog/hand-off']);
  });
});

describe('handlers hand the request to their service', () => {
  const cases: Array<[MessageType, unknown, Browser.runtime.MessageSender, string, unknown[]]> = [
    ['auth/sign-in', undefined, fromExtension, 'account.signIn', []],
    ['auth/app-secrets', { grow: 'x' }, fromExtension, 'account.setAppSecrets', [{ grow: 'x' }]],
    ['timer/stop', { note: 'Call' }, fromExtension, 'timer.stop', ['Call', undefined, undefined]],
    [
      'timer/stop',
      { paused: 1, ref: { activityId: 5, recordedMs: 60_000 } },
      fromExtension,
      'timer.stop',
      [undefined, 1, { activityId: 5, recordedMs: 60_000 }],
    ],
    ['timer/idle-decision', { keep: false }, fromExtension, 'timer.decideIdle', [false]],
    ['time-entries/save', { key: 'k', matter: { id: 1 }, seconds: 60 }, fromExtension, 'timeEntries.save', [{ matter: { id: 1 }, seconds: 60 }, 'k']],
    ['time-entries/update', { id: 5, etag: 'e', note: 'n' }, fromExtension, 'timeEntries.update', [5, 'e', { note: 'n' }]],
    ['outbox/discard', { id: 'x' }, fromExtension, 'outbox.discard', ['x']],
    [
      'filing/save',
      { id: 'd1', matter: { id: 1 }, note: { subject: 'S', detail: '' } },
      fromExtension,
      'filing.save',
      [{ id: 'd1', matter: { id: 1 }, note: { subject: 'S', detail: '' } }],
    ],
    ['filing/recent', { matterId: 1, kind: 'notes' }, fromExtension, 'filing.recent', [1, 'notes']],
    ['deadlines/save', { key: 'k', deadline: { type: 'task', name: 'n' } }, fromExtension, 'deadlines.save', [{ type: 'task', name: 'n' }, 'k']],
    ['deadlines/of-matter', { matterId: 7 }, fromExtension, 'deadlines.ofMatter', [7]],
    ['deadlines/setup', undefined, fromExtension, 'deadlineSetup', []],
    ['billing/of-matter', { matterId: 7 }, fromExtension, 'billing.ofMatter', [7]],
    ['billing/request-payment', { key: 'k', request: { billId: 3 } }, fromExtension, 'billing.requestPayment', [{ billId: 3 }, 'k']],
    ['billing/request-trust', { key: 'k', request: { amount: 5 } }, fromExtension, 'billing.requestTrust', [{ amount: 5 }, 'k']],
    ['injury/medical', { matterId: 7 }, fromExtension, 'injury.medical', [7]],
    ['injury/damages', { matterId: 7 }, fromExtension, 'injury.damagesOf', [7]],
    ['injury/add-damage', { key: 'k', damage: { amount: 1 } }, fromExtension, 'injury.addDamage', [{ amount: 1 }, 'k']],
    ['injury/add-bill', { key: 'k', bill: { detailId: 2 } }, fromExtension, 'injury.addBill', [{ detailId: 2 }, 'k']],
    ['injury/page-pdfs', { windowId: 3 }, fromExtension, 'injury.pagePdfs', [3]],
    ['injury/providers', { query: 'clinic' }, fromExtension, 'injury.providers', ['clinic']],
    ['injury/keep-pdf', { url: 'https://x.example/a.pdf' }, fromExtension, 'injury.keepPdf', ['https://x.example/a.pdf']],
    ['deadline-dialog/hand-off', undefined, fromPage, 'deadlineDialog.handOff', [{ id: 4 }]],
    ['deadline-dialog/reading', { id: 'd1' }, fromExtension, 'deadlineDialog.reading', ['d1']],
    ['deadline-dialog/open', { windowId: 2, matter: { id: 7 } }, fromExtension, 'deadlineDialog.openOnActiveTab', [2, { id: 7 }]],
    ['matters/search', { query: 'lee' }, fromExtension, 'matters.pick', ['lee']],
    ['matters/lookup', { query: 'lee', mine: true }, fromExtension, 'matters.search', ['lee', { mine: true }]],
    ['matters/sync', { ifOlderThanMs: 1000 }, fromExtension, 'matters.syncIfStale', [1000]],
    ['matters/sync', { full: true }, fromExtension, 'matters.sync', [true]],
    ['leads/hand-off', { url: 'https://example.org/' }, fromPage, 'leads.handOff', [{ url: 'https://example.org/' }, 4]],
    ['leads/reading', { id: 'f1' }, fromExtension, 'leads.reading', ['f1']],
    ['leads/duplicates', { email: 'a@b.c', phone: '' }, fromExtension, 'leads.duplicates', ['a@b.c', '']],
    ['grow/set-lead-inbox-token', { token: 't' }, fromExtension, 'growConnection.setLeadInboxToken', ['t']],
    // The keyboard command's own function (commands.ts onCommand), as its listener calls it.
    ['triggers/command', { command: 'toggle-timer' }, fromExtension, 'timer.toggle', []],
  ];
  it.each(cases)('%s', async (type, request, sender, call, args) => {
    const { services, calls } = recordingServices();
    const handler = allMessages(services)[type] as (data: unknown, sender: Browser.runtime.MessageSender) => unknown;
    await handler(request, sender);
    expect(calls).toEqual([[call, args]]);
  });

  it('triggers/omnibox-input answers with what the omnibox listener suggests (omnibox.ts omniboxSuggestions)', async () => {
    const { services, calls } = recordingServices();
    const hit = { id: 7, displayNumber: '00007-Zebra', description: 'Zebra & <Sons>', clientName: 'Ann Lee' };
    (services as { matters: unknown }).matters = { search: (...args: unknown[]) => (calls.push(['matters.search', args]), Promise.resolve({ hits: [hit] })) };
    const suggestions = await allMessages(services)['triggers/omnibox-input']({ text: 'zebra' }, fromExtension);
    expect(calls).toEqual([['matters.search', ['zebra', { limit: 6 }]]]);
    // Unit tests build for Chrome: the XML form (the Firefox form is tested in omnibox-text.test.ts and e2e).
    expect(suggestions).toEqual([{ content: 'matter:7', description: '<match>00007-Zebra</match> Zebra &amp; &lt;Sons&gt; <dim>— Ann Lee</dim>' }]);
  });

  it('activity-descriptions/list answers from the cache', async () => {
    const { services, calls } = recordingServices();
    expect(await allMessages(services)['activity-descriptions/list'](undefined, fromExtension)).toEqual([]);
    expect(calls).toEqual([['activityDescriptions', []]]);
  });
});
