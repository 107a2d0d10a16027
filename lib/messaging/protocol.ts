/**
 * The one message protocol between the surfaces (popup, side panel, options, content scripts)
 * and the background. Each message names its request and its reply; handlers live beside the
 * feature they serve, not in a switch.
 */
import type { Browser } from 'wxt/browser';
import type { ActivityJson } from '../time-entries/clio-activities';
import type { ActivityDescriptionJson } from '../activity-descriptions/activity-descriptions';
import type { MatterRates } from '../activity-descriptions/activity-rates';
import type { MatterDetailJson } from '../matters/clio-matters';
import type { MatterRow } from '../matters/matter';
import type { KeyLookup, LookupQuery } from '../matters/lookup-keys';
import type { MatterLookup } from '../matters/matter-lookup';
import type { PageFacts } from '../page-reading/extract-lead';
import type { CaptureReading, GrowDuplicate, GrowStatus, LeadDraft, LeadSendOutcome } from '../leads/lead';
import type { OutboxEntry } from '../outbox/outbox-machine';
import type { PageSuggestions } from '../suggestions/suggestion-service';
import type { ConflictResult } from '../conflicts/conflict-service';
import type { CopyState } from '../filing/save-dialog-service';
import type { SavePageFacts, SaveReading } from '../filing/save-reading';
import type { PopupDraft, TimeEntryDraft } from '../drafts/drafts';
import type { AccountState } from '../auth/account-item';
import type { GrowConnection } from '../grow/grow-connection-item';
import type { TimeEntryPayload } from '../time-entries/time-entry-courier';
import type { SplitRequest } from '../time-entries/time-entry-service';
import type { ExpenseChange, ExpenseJson } from '../expenses/clio-expenses';
import type { ExpensePayload } from '../expenses/expense-courier';
import type { ExpenseSetup } from '../expenses/expense-setup';
import type { DeadlineInput, MatterDeadlines } from '../deadlines/deadline-service';
import type { DeadlineSetup } from '../deadlines/deadline-setup';
import type { DeadlineDialogReading } from '../deadlines/deadline-dialog-service';
import type { MatterRef, PausedRef, TimerState } from '../timer/model';
import type { FilingAnswer, FilingRequest } from '../filing/filing-request';
import type { FilingProgress, RecentFiled, RecentKind } from '../filing/filing-service';
import type { StartOutcome, StartRequest, StopOutcome } from '../timer/timer-service';
import type { ReminderSettings } from '../timer/reminder-rules';
import type { MatterBilling, PaymentRequest, TrustFundsRequest } from '../billing/billing-service';
import type { AddedDamage } from '../injury/injury-items';
import type { BillInput, DamageInput, MatterMedical, PagePdfs } from '../injury/injury-service';

export interface Protocol {
  /** Sign in through Clio's OAuth page (runs in the background: the popup dies when the auth window opens). */
  'auth/sign-in': { request: void; reply: AccountState };
  /** Revoke the grant at Clio and forget the tokens. */
  /** `forget`: also forget what this browser keeps for the user, and the Grow connection; `forgot` says what held something. */
  'auth/sign-out': { request: { forget?: boolean } | void; reply: AccountState & { revoked: boolean; forgot?: string[] } };
  /** Ask Clio who is signed in, and store it for the UI. */
  'auth/refresh-account': { request: void; reply: AccountState };
  /** The redirect URI a firm registers on its Clio app. */
  'auth/redirect-uri': { request: void; reply: string };
  /** Sets the app secrets entered on the options page (a field left out is kept, '' clears it); tells which are set. */
  'auth/app-secrets': { request: { manage?: string; grow?: string }; reply: { manage: boolean; grow: boolean } };

  /** The timer, from Clio when what is stored is older than 30 s. */
  'timer/get': { request: void; reply: TimerState | null };
  'timer/start': { request: StartRequest; reply: StartOutcome };
  /** Stops the running timer, or the paused one at `paused` (its place in the list). */
  'timer/stop': { request: { note?: string; paused?: number; ref?: PausedRef }; reply: StopOutcome | null };
  'timer/pause': { request: void; reply: TimerState | null };
  /** Resumes the paused timer at `index` (the first without); one running is paused in its place. */
  'timer/resume': { request: { index?: number; ref?: PausedRef } | void; reply: TimerState | null };
  /** Moves the running timer's start (epoch ms). */
  'timer/start-at': { request: { start: number }; reply: TimerState | null };
  'timer/note': { request: { note: string }; reply: TimerState | null };
  /** The answer to "you were away": keep the idle time on the timer, or discard it. */
  'timer/idle-decision': { request: { keep: boolean }; reply: TimerState | null };

  /** Reminders and automatic stops (the options page): stores them and sets their alarms at once. */
  'reminders/set': { request: ReminderSettings; reply: void };
  /** The popup told of a timer stopped at the set time. */
  'reminders/notice-seen': { request: void; reply: void };
  /** The answer to "your timer stopped while you were away": save the time away, drop it, or drop it and go on. */
  'reminders/away-decision': { request: { choice: 'keep' | 'discard' | 'continue' }; reply: void };

  /** Keeps what is typed in the popup (closing it loses nothing). */
  'drafts/keep-popup': { request: PopupDraft; reply: void };
  /** Keeps what is typed in the side panel's "Log time" for one matter (forgotten once blank). */
  'drafts/keep-panel': { request: { matterId: number; draft: TimeEntryDraft }; reply: void };

  /** Matters for a picker: the local index when synced, Clio's search until then. */
  'matters/search': { request: { query: string }; reply: MatterRef[] };
  /** The side panel's lookup (it searches its own copy of the index once synced; this is the fallback). */
  'matters/lookup': { request: { query: string } & MatterLookup; reply: { hits: MatterRow[]; source: 'index' | 'clio' } };
  /** Exact lookups (client emails, phones, display numbers, client references, client names) from the store's key index. */
  'matters/by-keys': { request: LookupQuery; reply: KeyLookup };
  /** Pins a matter (first in every Matter picker) or unpins it; answers the pinned matters. */
  'matters/pin': { request: { matter: MatterRef; pinned: boolean }; reply: MatterRef[] };
  'matters/detail': { request: { id: number }; reply: { matter: MatterDetailJson; recent: ActivityJson[] } };
  /** Sync the index now (`full`), or when it is older than a few minutes. */
  'matters/sync': { request: { full?: boolean; ifOlderThanMs?: number }; reply: void };
  /** The matter's own currency as the index keeps it (`currency{code}`; no request); null: none known. */
  'matters/currency': { request: { id: number }; reply: string | null };
  'activity-descriptions/list': { request: void; reply: ActivityDescriptionJson[] };
  /**
   * The rates the Activity picker shows for a matter, or null (the user may not see rates; or none kept and not `ask`).
   * `ask`: a matter picked by the person (or the picker opened) may ask Clio (1 request, kept a few hours).
   */
  'activity-descriptions/rates': { request: { matterId: number; ask: boolean }; reply: MatterRates | null };

  /** Writes a time entry to the outbox and tries to send it at once; the same `key` twice is one entry. */
  'time-entries/save': { request: TimeEntryPayload & { key?: string }; reply: OutboxEntry };
  /** Today's time entries and expenses (one request). */
  'time-entries/today': { request: void; reply: { date: string; entries: ActivityJson[]; expenses: ExpenseJson[] } };
  'time-entries/split': { request: SplitRequest; reply: OutboxEntry };
  /** This week's time entries before today, ids and seconds (none asked on the week's first day). */
  'time-entries/week': { request: void; reply: { start: string; entries: Array<Pick<ActivityJson, 'id' | 'quantity'>> } };
  'time-entries/update': { request: { id: number; etag: string; seconds?: number; note?: string }; reply: ActivityJson };
  /** Writes an expense to the outbox and tries to send it at once; the same `key` twice is one expense. */
  'expenses/save': { request: ExpensePayload & { key?: string }; reply: OutboxEntry };
  /** Changes an expense in place, only if nobody changed it since `etag` (else a 'conflict' error). */
  'expenses/update': { request: { id: number; etag: string; change: ExpenseChange }; reply: ExpenseJson };
  /** The firm's expense categories and billing currency (cached a day). */
  'expenses/setup': { request: void; reply: ExpenseSetup };
  /** Writes a task or a calendar entry to the outbox and tries to send it at once; the same `key` twice is one. */
  'deadlines/save': { request: { deadline: DeadlineInput; key?: string }; reply: OutboxEntry };
  /** The firm's users (assignees) and the user's own calendar (cached a day). */
  'deadlines/setup': { request: void; reply: DeadlineSetup };
  /** A matter's next open tasks and calendar entries (2 requests: its "Deadlines" section was opened). */
  'deadlines/of-matter': { request: { matterId: number }; reply: MatterDeadlines };
  /** A matter's "Billing" section, opened: its client, balances, unpaid bills, Clio Payments accounts and links (5–6 requests). */
  'billing/of-matter': { request: { matterId: number }; reply: MatterBilling };
  /** Writes a Clio Payments link to the outbox and tries to make it at once; the same `key` twice is one link. */
  'billing/request-payment': { request: { request: PaymentRequest; key?: string }; reply: OutboxEntry };
  /** Writes a trust request to the outbox and tries to send it at once; the same `key` twice is one request. */
  'billing/request-trust': { request: { request: TrustFundsRequest; key?: string }; reply: OutboxEntry };
  /** A personal-injury matter's medical records details from the local copy, synced first (`updated_since`). */
  'injury/medical': { request: { matterId: number }; reply: MatterMedical };
  /** The damages this browser added on a matter (0 requests: Clio's damages name no matter). */
  'injury/damages': { request: { matterId: number }; reply: AddedDamage[] };
  /** Writes a damage to the outbox and tries to send it at once; the same `key` twice is one damage. */
  'injury/add-damage': { request: { damage: DamageInput; key?: string }; reply: OutboxEntry };
  /** Writes a medical bill (and its PDF, filed first as a document) to the outbox; follow both entries. */
  'injury/add-bill': { request: { bill: BillInput; key?: string }; reply: { entry: OutboxEntry; document?: string } };
  /** The title of the panel's window's page and the PDFs it is or links to (where the extension may read it). */
  'injury/page-pdfs': { request: { windowId?: number }; reply: PagePdfs };
  /** Clio contacts matching `query`, for a medical provider no record names yet (1 request). */
  'injury/providers': { request: { query: string }; reply: Array<{ id: number; name: string }> };
  /** Fetches a PDF and keeps it for "Add medical bill" under a one-time id. */
  'injury/keep-pdf': { request: { url: string }; reply: { id: string; bytes: number } };
  'outbox/retry': { request: { id: string }; reply: void };
  'outbox/discard': { request: { id: string }; reply: void };

  /**
   * Files what the "Save to Clio" dialog (or the side panel's "Add note") chose: each part an outbox entry, sent
   * exactly once. Answers at once with the entries' ids; follow them in `session:outbox-view` (state, result,
   * lastError) and a document's upload in `session:filing-progress`.
   */
  'filing/save': { request: FilingRequest; reply: FilingAnswer };
  /** A matter's newest notes, communications or documents (up to 5, one request), with links into Clio. */
  /** Where the outbox entries of one filing stand, and their documents' uploads (the dialog asks while it waits). */
  'filing/progress': { request: { entries: string[] }; reply: FilingProgress };
  'filing/recent': { request: { matterId: number; kind: RecentKind }; reply: RecentFiled };

  /** "Suggested for this page": reads the active tab (on the gesture that opened the asking surface) and suggests matters from the local index. */
  'suggestions/for-page': { request: { windowId?: number }; reply: PageSuggestions };
  /** The matters whose client is this person (the capture dialog's "already a client"), matched locally. */
  'suggestions/for-person': { request: { name: string; email: string; phone: string }; reply: PageSuggestions['suggestions'] };
  /** The matter was used on the page at `url`: offered first on its site next time. */
  'suggestions/remember-site': { request: { url: string; matter: MatterRef }; reply: void };
  /** Forgets the matter remembered for one site (`site`), or for all. */
  'suggestions/forget-site': { request: { site?: string }; reply: void };
  /** Never read pages of `site` (or again, with `never: false`). */
  'suggestions/never-read': { request: { site: string; never: boolean }; reply: void };

  /** A conflict check for a name, an email or a phone: the local index, Clio contacts (with their matters) and Grow, each labelled. Writes nothing. */
  'conflicts/check': { request: { query: string; also?: string }; reply: ConflictResult };

  /**
   * From the capture content script: what it read of its page, kept (with what the right-click was on) for the
   * dialog's frame under a one-time id, which goes in the frame's address.
   */
  'leads/hand-off': { request: PageFacts; reply: { id: string } };
  /** From the capture dialog's page: the facts it was opened with (once), or null for an unknown id. */
  'leads/reading': { request: { id: string }; reply: CaptureReading | null };
  /** Grow contacts with this email or phone ("Already in Grow: …"). */
  'leads/duplicates': { request: { email: string; phone: string }; reply: GrowDuplicate[] };
  /** Sends the lead to Grow through the outbox: never lost, never doubled. */
  'leads/send': { request: LeadDraft & { replaces?: string }; reply: LeadSendOutcome };
  /**
   * From the `save` content script: what it read of its page, kept for the "Save to Clio" dialog under a one-time
   * id; `copy` says whether to copy the page (not when the click was on a link to a PDF, fetched by the background).
   */
  'save-dialog/hand-off': { request: SavePageFacts; reply: { id: string; copy: boolean } };
  /** From the `save` content script: its page's copy (or that it could not make one), once, for its own id only. */
  'save-dialog/page-copy': { request: { id: string; html?: string; leftOut?: string[]; failed?: boolean }; reply: void };
  /** From the dialog's page: what it was opened with (once), or null for an unknown id. */
  'save-dialog/reading': { request: { id: string }; reply: SaveReading | null };
  /** From the dialog's page: its document bytes' state, once they are ready or failed (or after a wait). */
  'save-dialog/copy': { request: { id: string }; reply: CopyState };
  /** The side panel's "Save this page": the dialog over the active tab of `windowId`, for `matter`. */
  'save-dialog/open': { request: { windowId?: number; matter: MatterRef }; reply: void };
  /** From the `deadline` content script (which reads nothing of its page): the "Add deadline" dialog's one-time id. */
  'deadline-dialog/hand-off': { request: void; reply: { id: string } };
  /** From the "Add deadline" dialog's page: what it was opened with (once), or null for an unknown id. */
  'deadline-dialog/reading': { request: { id: string }; reply: DeadlineDialogReading | null };
  /** The side panel's "Add deadline": the dialog over the active tab of `windowId`, for `matter`. */
  'deadline-dialog/open': { request: { windowId?: number; matter: MatterRef }; reply: void };
  'grow/status': { request: void; reply: GrowStatus };
  /** OAuth against the Grow (Platform) auth server, with PKCE and the scopes the extension needs. */
  'grow/connect': { request: void; reply: GrowConnection };
  /** Revokes the Grow grant. */
  'grow/disconnect': { request: void; reply: GrowConnection };
  /** The firm's legacy Lead Inbox token ('' forgets it). */
  'grow/set-lead-inbox-token': { request: { token: string }; reply: GrowConnection };

  /**
   * The browser events the extension answers, raised from one of its own pages: each calls the very function the
   * event's listener calls. Browsers without a way to dispatch these events from outside (Firefox has no
   * `contextMenus.onClicked.dispatch` or `commands.onCommand.dispatch`) are tested through them. Never from a
   * content script (not in CONTENT_SCRIPT_MESSAGES).
   */
  'triggers/menu-click': { request: { info: Browser.contextMenus.OnClickData; tab?: Browser.tabs.Tab }; reply: void };
  'triggers/command': { request: { command: string; tab?: Browser.tabs.Tab }; reply: void };
  /** The omnibox suggestions for `text`, as `omnibox.onInputChanged` hands them to the browser. */
  'triggers/omnibox-input': { request: { text: string }; reply: Browser.omnibox.SuggestResult[] };
  /** An alarm firing (Firefox has no `alarms.onAlarm.dispatch`). */
  'triggers/alarm': { request: { name: string }; reply: void };
  /** A notification's action chosen (its button in Chrome, a click on it in Firefox). */
  'triggers/notification': { request: { id: string }; reply: void };
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];

/** The only messages a content script (page context, however ours) may send. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'leads/hand-off',
  'save-dialog/hand-off',
  'save-dialog/page-copy',
  'deadline-dialog/hand-off',
]);
