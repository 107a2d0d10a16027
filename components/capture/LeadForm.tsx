/**
 * The capture form of the capture dialog's page (in its frame over the page, or its window): prefilled from the
 * people read in the page facts, duplicate notice, validation, sending through the outbox. Page text only ever
 * reaches the DOM as text nodes and input values.
 */
import { messageOf } from '@/components/error-message';
import { Component } from 'preact';
import { around, t } from '@/lib/i18n';
import { extractLead } from '@/lib/page-reading/extract-lead';
import { formatPhone } from '@/lib/page-reading/phone-format';
import { phoneToE164 } from '@/lib/page-reading/phones';
import type { CountryCode } from 'libphonenumber-js/core';
import type { CaptureReading, GrowDuplicate, LeadSendOutcome } from '@/lib/leads/lead';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import type { ConflictResult } from '@/lib/conflicts/conflict-service';
import { ConflictResults } from '@/components/ConflictResults';
import { send } from '@/lib/messaging/send';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { BusyButton } from '@/components/BusyButton';
import {
  choicesOf,
  draftOf,
  referringUrlOf,
  EMPTY,
  FIELDS,
  fromGrowErrors,
  prefill,
  validate,
  type Choice,
  type FieldErrors,
  type FieldName,
  type Fields,
  type PhoneText,
} from './model';
import { Others } from './Others';

const REQUIRED: FieldName[] = ['firstName', 'lastName', 'message'];
/** A found phone as the form shows it: in the firm's country's national format, or international (phone-format.ts). */
const phoneTextIn =
  (country: CountryCode): PhoneText =>
  (p) => {
    const shown = formatPhone(p.value, country);
    return p.ext ? t('phoneWithExtension', shown, p.ext) : shown;
  };

interface Props {
  /** The page facts the dialog was opened with (from the DOM, the right-click, or both). */
  reading: CaptureReading;
  /** The page covers the dialog's frame now: sending waits, and the form says why. */
  covered: boolean;
  onClose: () => void;
}

interface State {
  fields: Fields;
  pageUrl: string;
  choices: Partial<Record<FieldName, Choice[]>>;
  ready: boolean;
  errors: FieldErrors;
  status: Status | null;
  outcome: LeadSendOutcome | null;
  sending: boolean;
  /** Whether Grow is connected; null until known. */
  connected: boolean | null;
  dups: GrowDuplicate[];
  dupError: string;
  /** Matters whose client matches this person (local index): "already a client?". */
  clientMatters: PageSuggestions['suggestions'];
  /** The conflict check run from the dialog, on the lead's name and email. */
  conflicts: ConflictResult | null;
  checking: boolean;
}

const isDone = (outcome: State['outcome']) => outcome?.state === 'sent' || outcome?.state === 'pending';

export class LeadForm extends Component<Props, State> {
  override state: State = {
    fields: EMPTY,
    pageUrl: '',
    choices: {},
    ready: false,
    errors: {},
    status: null,
    outcome: null,
    sending: false,
    connected: null,
    dups: [],
    dupError: '',
    clientMatters: [],
    conflicts: null,
    checking: false,
  };
  private touched = new Set<FieldName>();
  private inputs: Partial<Record<FieldName, HTMLElement | null>> = {};
  private dupTimer: ReturnType<typeof setTimeout> | undefined;
  private dupSeq = 0;
  private doneButton: HTMLButtonElement | null = null;

  override componentDidMount() {
    send('grow/status').then(
      (g) => this.setState({ connected: g.via !== null }),
      () => undefined,
    );
    const { facts, country } = this.props.reading;
    this.setState({ pageUrl: facts.url });
    try {
      const lead = extractLead(facts, { defaultCountry: country });
      const phoneText = phoneTextIn(country);
      this.setState({ choices: choicesOf(lead, phoneText) });
      this.fill({ ...prefill(lead, phoneText), page: referringUrlOf(facts.url) });
    } catch (e) {
      this.fill({ ...EMPTY, message: facts.selection.trim() || [facts.title, facts.url].filter(Boolean).join('\n'), page: referringUrlOf(facts.url) });
      this.say('error', t('captureExtractFailed', messageOf(e)));
    }
    this.setState({ ready: true });
    this.checkDuplicates(0);
  }

  override componentDidUpdate(_: Props, before: State) {
    // Sent (or kept to send): the send button is gone and the fields are off, so focus goes to "Done".
    if (!isDone(before.outcome) && isDone(this.state.outcome)) this.doneButton?.focus();
  }

  override componentWillUnmount() {
    clearTimeout(this.dupTimer);
  }

  private say(tone: Status['tone'], text: string) {
    this.setState({ status: { tone, text } });
  }

  /** Fills what the person has not typed in yet, then focus to the first empty required field. */
  private fill(found: Fields) {
    let next = found;
    this.setState((s) => {
      next = { ...s.fields };
      for (const k of FIELDS) if (!this.touched.has(k.name)) next[k.name] = found[k.name];
      return { fields: next };
    });
    if (!this.touched.size) setTimeout(() => this.focus(REQUIRED.find((k) => !next[k].trim()) ?? 'firstName'));
  }

  private focus(name: FieldName) {
    this.inputs[name]?.focus();
  }

  /** "Already in Grow": after extraction, and when email or phone change (debounced). */
  private checkDuplicates(delay: number) {
    clearTimeout(this.dupTimer);
    const seq = ++this.dupSeq;
    this.dupTimer = setTimeout(() => {
      const { ready, connected, fields } = this.state;
      const email = fields.email.trim();
      // As E.164 where it reads as a number, as the look-ups had it before the form showed it formatted.
      const typed = fields.phone.trim();
      const phone = phoneToE164(typed, this.props.reading.country) ?? typed;
      if (!ready) return;
      // Already a client? The local index answers (no Clio request), whether or not Grow is connected.
      const name = `${fields.firstName} ${fields.lastName}`.trim();
      send('suggestions/for-person', { name, email, phone }).then(
        (clientMatters) => seq === this.dupSeq && this.setState({ clientMatters: clientMatters.slice(0, 3) }),
        () => undefined,
      );
      if (connected === false) return;
      if (!email && !phone) return this.setState({ dups: [], dupError: '' });
      send('leads/duplicates', { email, phone }).then(
        (dups) => seq === this.dupSeq && this.setState({ dups, dupError: '' }),
        (e) => seq === this.dupSeq && this.setState({ dupError: messageOf(e) }),
      );
    }, delay);
  }

  /** "Check conflicts" on the lead's name and email (the local index, Clio contacts, Grow); nothing is written. */
  private checkConflicts = async () => {
    const { firstName, lastName, email } = this.state.fields;
    const name = `${firstName} ${lastName}`.trim();
    if (!name && !email.trim()) return;
    this.setState({ checking: true });
    try {
      this.setState({ conflicts: await send('conflicts/check', { query: name || email.trim(), also: name ? email.trim() : '' }) });
    } catch (e) {
      this.say('error', messageOf(e));
    } finally {
      this.setState({ checking: false });
    }
  };

  private set(name: FieldName, value: string) {
    this.touched.add(name);
    this.setState((s) => ({ fields: { ...s.fields, [name]: value }, errors: { ...s.errors, [name]: undefined } }));
    if (name === 'email' || name === 'phone') this.checkDuplicates(500);
  }

  private pick = (c: Choice) => {
    for (const [k, v] of Object.entries(c.fill)) this.set(k as FieldName, v);
  };

  private submit = async (e?: Event) => {
    e?.preventDefault();
    const { fields, sending, outcome } = this.state;
    if (sending || this.props.covered || outcome?.state === 'sent' || outcome?.state === 'pending') return;
    const errors: FieldErrors = Object.fromEntries(Object.entries(validate(fields)).map(([name, key]) => [name, t(key)]));
    const invalid = FIELDS.find((f) => errors[f.name]);
    this.setState({ errors });
    if (invalid) {
      this.say('error', t('captureCheckFields'));
      return this.focus(invalid.name);
    }
    this.setState({ sending: true, status: { tone: 'info', text: t('captureSending') } });
    try {
      const grow = await send('grow/status');
      this.setState({ connected: grow.via !== null });
      if (!grow.via) return this.say('error', t('captureNotConnected'));
      // A lead Clio refused stays in the outbox (never lost if this dialog closes); sending it fixed replaces it.
      const refused = this.state.outcome?.state === 'failed' ? this.state.outcome.entryId : undefined;
      const out = await send('leads/send', { ...draftOf(fields), ...(refused ? { replaces: refused } : {}) });
      const { fields: fieldErrors, other } = fromGrowErrors(out.fieldErrors);
      this.setState({ outcome: out, errors: fieldErrors });
      this.say(out.state === 'sent' ? 'success' : out.state === 'pending' ? 'info' : 'error', [out.message, ...other].join(' '));
      const bad = FIELDS.find((f) => fieldErrors[f.name]);
      if (bad) this.focus(bad.name);
    } catch (err) {
      const { fields: fieldErrors } = fromGrowErrors((err as { fieldErrors?: Record<string, string> }).fieldErrors);
      this.setState({ errors: fieldErrors, outcome: { state: 'failed', message: messageOf(err), inboxUrl: '' } });
      this.say('error', messageOf(err));
    } finally {
      this.setState({ sending: false });
    }
  };

  private field(name: FieldName) {
    const f = FIELDS.find((x) => x.name === name)!;
    const id = `cl-${name}`;
    const err = this.state.errors[name];
    const props = {
      id,
      name,
      value: this.state.fields[name],
      'aria-required': f.required ? ('true' as const) : undefined,
      'aria-invalid': err ? ('true' as const) : undefined,
      'aria-describedby': err ? `${id}-error` : undefined,
      autocomplete: 'off',
      onInput: (e: Event) => this.set(name, (e.currentTarget as HTMLInputElement).value),
      ref: (el: HTMLElement | null) => {
        this.inputs[name] = el;
      },
    };
    return (
      <div class="cl-field">
        <div class="cl-label">
          <label for={id}>{t(f.label)}</label>
          {f.required && (
            <span class="cl-req" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </div>
        {name === 'message' ? <textarea rows={5} {...props} /> : <input {...props} type={(f.type ?? 'text') as 'text'} />}
        {err && (
          <p id={`${id}-error`} class="cl-error">
            {err}
          </p>
        )}
      </div>
    );
  }

  /** The other candidates, when there were several. */
  private others(name: FieldName) {
    const all = this.state.choices[name] ?? [];
    const { fields } = this.state;
    const rest = all.filter((c) => Object.entries(c.fill).some(([k, v]) => fields[k as FieldName] !== v));
    return all.length > 1 ? <Others id={`cl-${name}-others`} choices={rest.slice(0, 5)} onPick={this.pick} /> : null;
  }

  override render({ covered }: Props, s: State) {
    const done = isDone(s.outcome);
    const [foundOn, afterUrl] = around('captureFoundOn');
    return (
      <form class="cl-body" noValidate aria-labelledby="cl-title" onSubmit={this.submit}>
        <p class="cl-source">
          {foundOn}
          <span>{s.pageUrl || '…'}</span>
          {afterUrl}
        </p>
        {!s.ready && <p class="cl-hint">{t('captureLooking')}</p>}
        {s.connected === false && <p class="cl-notice">{t('captureNotConnectedDraft')}</p>}
        <fieldset disabled={done}>
          <div class="cl-row">
            {this.field('firstName')}
            {this.field('lastName')}
          </div>
          {this.others('firstName')}
          {this.field('email')}
          {this.others('email')}
          {this.field('phone')}
          {this.others('phone')}
          {s.dups.length > 0 && <p class="cl-notice">{t('captureAlreadyInGrow', s.dups.map((d) => d.name).join(', '))}</p>}
          {s.dupError && s.connected && <p class="cl-hint">{t('captureDuplicateCheckFailed', s.dupError)}</p>}
          {s.clientMatters.length > 0 && (
            // biome-ignore lint/a11y/useSemanticElements: a labelled group of facts inside the form's fieldset, not form controls
            <div class="cl-notice" role="group" aria-label={t('suggestedForPage')}>
              <p>{t('captureAlreadyClient')}</p>
              <ul class="cl-matters">
                {s.clientMatters.map(({ matter, reasons }) => (
                  <li key={matter.id}>
                    <strong>{matter.displayNumber}</strong> {matter.description}
                    <span class="cl-why">{reasons.join(' · ')}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <section class="cl-conflicts" aria-label={t('conflictCheck')}>
            <button type="button" class="cl-secondary" onClick={this.checkConflicts} disabled={s.checking}>
              {s.checking ? t('conflictChecking') : t('checkConflicts')}
            </button>
            {s.conflicts && !s.checking ? <ConflictResults result={s.conflicts} /> : null}
          </section>
          {this.field('message')}
          {this.field('page')}
        </fieldset>
        <p class="cl-hint">
          <span aria-hidden="true">* </span>
          {t('captureRequired')}
        </p>
        <StatusMessage status={s.status} />
        {covered && !done && (
          <p id="cl-covered" class="cl-notice">
            {t('frameCovered')}
          </p>
        )}
        <div class="cl-actions">
          {!done && (
            <BusyButton type="submit" class="cl-primary" busy={s.sending} disabled={covered} aria-describedby={covered ? 'cl-covered' : undefined}>
              {s.sending ? t('sending') : s.outcome?.state === 'failed' ? t('tryAgain') : t('sendToGrow')}
            </BusyButton>
          )}
          {s.outcome?.state === 'sent' && s.outcome.inboxUrl && (
            <a href={s.outcome.inboxUrl} target="_blank" rel="noopener noreferrer">
              {t('openGrowInbox')}
            </a>
          )}
          {done && (
            <button
              type="button"
              class="cl-secondary"
              ref={(b) => {
                this.doneButton = b;
              }}
              onClick={this.props.onClose}
            >
              {t('done')}
            </button>
          )}
        </div>
      </form>
    );
  }
}
