/**
 * "Add medical bill" on a personal-injury matter: the provider (one with a medical records detail on the matter gets
 * the bill added to that detail with a PATCH; another one, a new detail), the bill (name, amount, adjustment, balance,
 * "mark balance as"), the records and bills status, and the bill's PDF: the tab's own or one its page links to,
 * filed first through Save to Clio's filing and attached to the bill. Both go through the outbox; the form follows the
 * bill's entry until it is in Clio.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { t } from '@/lib/i18n';
import type { MatterMedical } from '@/lib/injury/injury-service';
import { type BalanceMark, REQUEST_STATUSES, type RequestStatus } from '@/lib/injury/medical-records';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { readMoney, statusText } from './InjurySections';
import { useSentEntry } from './use-sent-entry';
import { BusyButton } from '@/components/BusyButton';

const MARKS: Array<[BalanceMark, () => string]> = [
  ['lien', () => t('medicalMarkLien')],
  ['outstanding_balance', () => t('medicalMarkOutstanding')],
  ['neither', () => t('medicalMarkNeither')],
];

export function AddMedicalBill({ matter, medical, added }: { matter: MatterRef; medical: MatterMedical; added: () => void }) {
  const onMatter = medical.rows.filter((r) => r.provider);
  const others = medical.providers.filter((p) => !onMatter.some((r) => r.provider!.id === p.id));
  /** Contacts found in Clio for a provider no record names yet. */
  const [found, setFound] = useState<Array<{ id: number; name: string }>>([]);
  const [query, setQuery] = useState('');
  const known = [...onMatter.map((r) => r.provider!), ...others];
  const fresh = found.filter((f) => !known.some((k) => k.id === f.id));
  const all = [...known, ...fresh];
  const [providerId, setProviderId] = useState(all[0]?.id ?? 0);
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [adjustment, setAdjustment] = useState('');
  const [balance, setBalance] = useState('');
  const [mark, setMark] = useState<BalanceMark>('outstanding_balance');
  /** The provider's detail on the matter, which the bill is added to (none: a new detail). */
  const chosenRow = onMatter.find((r) => r.provider!.id === providerId);
  const [billsStatus, setBillsStatus] = useState<RequestStatus>(chosenRow?.billsStatus ?? 'received');
  const [recordsStatus, setRecordsStatus] = useState<RequestStatus>(chosenRow?.recordsStatus ?? 'not_yet_requested');
  const [inTreatment, setInTreatment] = useState(chosenRow?.inTreatment ?? true);
  const [pdfs, setPdfs] = useState<Array<{ url: string; name: string }> | null>(null);
  const [pdf, setPdf] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const {
    requestId: key,
    busy,
    follow,
  } = useSentEntry({
    sent: () => {
      setStatus({ tone: 'success', text: t('medicalBillSaved') });
      setName('');
      setAmount('');
      setAdjustment('');
      setBalance('');
      added();
    },
    failed: (message) => setStatus({ tone: 'error', text: message || t('errorInternal') }),
    waiting: (message) => setStatus({ tone: 'info', text: message || t('injuryWaiting') }),
  });

  // The PDFs of the page beside the panel: the tab's own first, then those it links to.
  useEffect(() => {
    let current = true;
    void browser.windows
      .getCurrent()
      .then((w) => send('injury/page-pdfs', w.id === undefined ? {} : { windowId: w.id }))
      .then(
        (page) => {
          if (!current) return;
          setPdfs(page.pdfs);
          if (page.pdfs[0]) setPdf(page.pdfs[0].url);
          // On a provider's portal, that provider.
          const named = all.find((p) => page.title.toLowerCase().includes(p.name.toLowerCase()));
          if (named) setProviderId(named.id);
        },
        () => current && setPdfs([]),
      );
    return () => void (current = false);
  }, [matter.id]);

  // A provider with a detail on the matter: its statuses as Clio has them; a new one: a bill received, records not asked.
  useEffect(() => {
    setBillsStatus(chosenRow?.billsStatus ?? 'received');
    setRecordsStatus(chosenRow?.recordsStatus ?? 'not_yet_requested');
    setInTreatment(chosenRow?.inTreatment ?? true);
  }, [providerId]);

  const findProvider = async () => {
    try {
      const hits = await send('injury/providers', { query });
      setFound(hits);
      if (hits[0]) setProviderId(hits[0].id);
      setStatus(hits.length ? null : { tone: 'info', text: t('medicalProviderNoneFound', query.trim()) });
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const figures = [readMoney(amount), readMoney(adjustment, true), balance.trim() ? readMoney(balance, true) : null];
    const bad = figures.find((f) => f && 'error' in f);
    if (bad && 'error' in bad) return setStatus({ tone: 'error', text: bad.error });
    const [a, adj] = figures.map((f) => (f && 'amount' in f ? f.amount : 0)) as [number, number];
    // Left empty, the balance is what the adjustment leaves of the amount.
    const bal = figures[2] && 'amount' in figures[2] ? figures[2].amount : Math.max(0, Math.round((a - adj) * 100) / 100);
    const row = chosenRow;
    const chosen = all.find((p) => p.id === providerId);
    if (!chosen) return setStatus({ tone: 'error', text: t('medicalProviderChoose') });
    setStatus({ tone: 'info', text: pdf ? t('medicalPdfFetching') : t('injurySending') });
    try {
      const kept = pdf ? await send('injury/keep-pdf', { url: pdf }) : null;
      const pdfName = pdfs?.find((p) => p.url === pdf)?.name ?? '';
      const saved = await send('injury/add-bill', {
        bill: {
          matter,
          provider: chosen,
          ...(row ? { detailId: row.id, etag: row.etag } : {}),
          status: { billsStatus, recordsStatus, inTreatment },
          bill: { name, amount: a, adjustment: adj, balance: bal, markBalanceAs: mark },
          ...(kept ? { pdf: { id: kept.id, name: pdfName } } : {}),
        },
        key,
      });
      setStatus({ tone: 'info', text: t('injurySending') });
      follow(saved.entry.id);
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };

  const statusSelect = (label: string, value: RequestStatus, set: (s: RequestStatus) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.currentTarget.value as RequestStatus)}>
        {REQUEST_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusText(s)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form class="card" aria-label={t('addMedicalBill')} onSubmit={submit}>
      <label>
        {t('medicalProvider')}
        <select value={String(providerId)} onChange={(e) => setProviderId(Number(e.currentTarget.value))} required>
          {onMatter.length ? (
            <optgroup label={t('medicalProvidersOnMatter')}>
              {onMatter.map((r) => (
                <option key={r.id} value={String(r.provider!.id)}>
                  {r.provider!.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {others.length ? (
            <optgroup label={t('medicalProvidersOther')}>
              {others.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {fresh.length ? (
            <optgroup label={t('medicalProvidersFound')}>
              {fresh.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <p class="row">
        <input
          type="search"
          aria-label={t('medicalProviderFind')}
          placeholder={t('medicalProviderFind')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void findProvider();
            }
          }}
        />
        <button type="button" onClick={() => void findProvider()} disabled={query.trim().length < 2}>
          {t('medicalProviderFindButton')}
        </button>
      </p>
      <label>
        {t('medicalBillName')}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={255} />
      </label>
      <label>
        {t('amountField')}
        <input value={amount} inputMode="decimal" onInput={(e) => setAmount(e.currentTarget.value)} required />
      </label>
      <label>
        {t('medicalAdjustment')}
        <input value={adjustment} inputMode="decimal" onInput={(e) => setAdjustment(e.currentTarget.value)} />
      </label>
      <label>
        {t('medicalBalance')}
        <input value={balance} inputMode="decimal" onInput={(e) => setBalance(e.currentTarget.value)} />
      </label>
      <label>
        {t('medicalMarkBalanceAs')}
        <select value={mark} onChange={(e) => setMark(e.currentTarget.value as BalanceMark)}>
          {MARKS.map(([m, text]) => (
            <option key={m} value={m}>
              {text()}
            </option>
          ))}
        </select>
      </label>
      {statusSelect(t('medicalBillsStatus'), billsStatus, setBillsStatus)}
      {statusSelect(t('medicalRecordsStatus'), recordsStatus, setRecordsStatus)}
      <label class="check">
        <input type="checkbox" checked={inTreatment} onChange={(e) => setInTreatment(e.currentTarget.checked)} />
        {t('medicalInTreatment')}
      </label>
      <label>
        {t('medicalBillPdf')}
        <select value={pdf} onChange={(e) => setPdf(e.currentTarget.value)}>
          <option value="">{pdfs === null ? t('loading') : pdfs.length ? t('medicalNoPdf') : t('medicalNoPdfOnPage')}</option>
          {pdfs?.map((p) => (
            <option key={p.url} value={p.url}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <BusyButton type="submit" class="primary" busy={busy}>
        {t('saveMedicalBill')}
      </BusyButton>
      <StatusMessage status={status} />
    </form>
  );
}
