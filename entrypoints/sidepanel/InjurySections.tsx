/**
 * A personal-injury matter's "Damages" and "Medical" sections, shown when the matter's practice area is one the firm
 * marks as personal injury (Options; by default areas named like "Personal Injury"). The area comes from what the
 * detail already shows (the index, then Clio's detail): opening a matter asks nothing more. Each section loads when
 * opened: "Medical" syncs the local copy of medical records details (`injury/medical`), "Damages" lists the damages
 * this browser added (0 requests; Clio's damages name no matter).
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import { decimalMarkOf, formatMoney, parseAmount } from '@/lib/expenses/amount';
import { say, t } from '@/lib/i18n';
import { DAMAGE_TYPES, type DamageType } from '@/lib/injury/clio-injury';
import { isInjuryArea } from '@/lib/injury/injury-area';
import type { AddedDamage } from '@/lib/injury/injury-items';
import type { MatterMedical } from '@/lib/injury/injury-service';
import type { RequestStatus } from '@/lib/injury/medical-records';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { settingsItem } from '@/lib/settings/settings-item';
import { uiLocale } from '@/lib/ui-locale';
import { AddMedicalBill } from './AddMedicalBill';
import { LazySection } from './LazySection';
import { useSentEntry } from './use-sent-entry';
import { BusyButton } from '@/components/BusyButton';

/** An amount as typed ("1,234.56", "12,50" by the locale's mark); `zero`: an empty or zero field reads 0. */
export function readMoney(input: string, zero = false): { amount: number } | { error: string } {
  if (zero && /^\s*0*(?:[.,]0*)?\s*$/.test(input)) return { amount: 0 };
  const r = parseAmount(input, decimalMarkOf(uiLocale()));
  return r.ok ? { amount: r.amount } : { error: say(r.error) };
}

/** The matter's currency as the index keeps it (no request); null: shown as a bare number. */
export function useCurrency(matterId: number): (n: number) => string {
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => void send('matters/currency', { id: matterId }).then(setCode, () => setCode(null)), [matterId]);
  return (n) => formatMoney(n, code, uiLocale());
}

const STATUS_TEXT: Record<RequestStatus, () => string> = {
  not_yet_requested: () => t('medicalNotYetRequested'),
  requested: () => t('medicalRequested'),
  received: () => t('medicalReceived'),
  incomplete: () => t('medicalIncomplete'),
  certified: () => t('medicalCertified'),
};
export const statusText = (s: RequestStatus | null): string => (s ? STATUS_TEXT[s]() : '—');
const DAMAGE_TEXT: Record<DamageType, () => string> = {
  special: () => t('damageSpecial'),
  general: () => t('damageGeneral'),
  other: () => t('damageOther'),
};
const damageTypeText = (d: DamageType) => DAMAGE_TEXT[d]();

export function InjurySections({ matter, area }: { matter: MatterRef; area: string | null | undefined }) {
  const settings = useFollowed({ settings: settingsItem })?.settings;
  if (!settings || !isInjuryArea(area, settings.injuryPracticeAreas)) return null;
  return (
    <>
      <LazySection id="section-damages" title={t('sectionDamages')} matterId={matter.id}>
        {() => <Damages matter={matter} />}
      </LazySection>
      <LazySection id="section-medical" title={t('sectionMedical')} matterId={matter.id}>
        {() => <Medical matter={matter} />}
      </LazySection>
    </>
  );
}

function Damages({ matter }: { matter: MatterRef }) {
  const [list, setList] = useState<AddedDamage[] | null>(null);
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const money = useCurrency(matter.id);
  useEffect(() => {
    let current = true;
    void send('injury/damages', { matterId: matter.id }).then(
      (d) => current && setList(d),
      (e) => current && setError(messageOf(e)),
    );
    return () => void (current = false);
  }, [matter.id, version]);

  return (
    <>
      <p class="hint">{t('damagesOnlyOurs')}</p>
      {error ? <p class="status status-error">{error}</p> : null}
      {list === null && !error ? <p class="hint">{t('loading')}</p> : null}
      {list?.length === 0 ? <p class="hint">{t('damagesNoneAdded')}</p> : null}
      <ul class="recent" aria-label={t('damagesAdded')}>
        {list?.map((d) => (
          <li key={d.id}>
            <span class="dur">{money(d.amount)}</span> <span class="date">{damageTypeText(d.damageType)}</span> <span class="note">{d.description}</span>{' '}
            <span class="badge">{t('damageAddedHere')}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
        {t('addDamage')}
      </button>
      {adding ? <AddDamage matter={matter} added={() => setVersion((v) => v + 1)} /> : null}
    </>
  );
}

function AddDamage({ matter, added }: { matter: MatterRef; added: () => void }) {
  const [damageType, setType] = useState<DamageType>('special');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const {
    requestId: key,
    busy,
    follow,
  } = useSentEntry({
    sent: () => {
      setStatus({ tone: 'success', text: t('damageSaved') });
      setDescription('');
      setAmount('');
      added();
    },
    failed: (message) => setStatus({ tone: 'error', text: message || t('errorInternal') }),
    waiting: () => setStatus({ tone: 'info', text: t('injuryWaiting') }),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const read = readMoney(amount);
    if ('error' in read) return setStatus({ tone: 'error', text: read.error });
    setStatus({ tone: 'info', text: t('injurySending') });
    try {
      const saved = await send('injury/add-damage', { damage: { matter, damageType, description, amount: read.amount }, key });
      follow(saved.id);
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };

  return (
    <form class="card" aria-label={t('addDamage')} onSubmit={submit}>
      <label>
        {t('damageType')}
        <select value={damageType} onChange={(e) => setType(e.currentTarget.value as DamageType)}>
          {DAMAGE_TYPES.map((d) => (
            <option key={d} value={d}>
              {damageTypeText(d)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('damageDescription')}
        <input value={description} onInput={(e) => setDescription(e.currentTarget.value)} required maxLength={255} />
      </label>
      <label>
        {t('amountField')}
        <input value={amount} inputMode="decimal" onInput={(e) => setAmount(e.currentTarget.value)} required />
      </label>
      <BusyButton type="submit" class="primary" busy={busy}>
        {t('saveDamage')}
      </BusyButton>
      <StatusMessage status={status} />
    </form>
  );
}

function Medical({ matter }: { matter: MatterRef }) {
  const [shown, setShown] = useState<MatterMedical | null>(null);
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const money = useCurrency(matter.id);
  useEffect(() => {
    let current = true;
    setError('');
    void send('injury/medical', { matterId: matter.id }).then(
      (m) => current && setShown(m),
      (e) => current && setError(messageOf(e)),
    );
    return () => void (current = false);
  }, [matter.id, version]);

  if (error) return <p class="status status-error">{error}</p>;
  if (!shown) return <p class="hint">{t('loading')}</p>;
  return (
    <>
      {shown.stale ? <p class="status status-error">{t('medicalStale', shown.stale)}</p> : null}
      {shown.rows.length === 0 ? <p class="hint">{t('medicalNone')}</p> : null}
      {shown.rows.map((r) => (
        <section key={r.id} class="medical" aria-label={r.provider?.name ?? t('medicalNoProvider')}>
          <h3>{r.provider?.name ?? t('medicalNoProvider')}</h3>
          <p class="hint">
            {t('medicalStatuses', statusText(r.billsStatus), statusText(r.recordsStatus))}
            {r.inTreatment ? ` · ${t('medicalInTreatment')}` : ''}
          </p>
          {r.bills.length ? (
            <table class="bills">
              <thead>
                <tr>
                  <th scope="col">{t('medicalBillName')}</th>
                  <th scope="col">{t('amountField')}</th>
                  <th scope="col">{t('medicalAdjustment')}</th>
                  <th scope="col">{t('medicalBalance')}</th>
                </tr>
              </thead>
              <tbody>
                {r.bills.map((b) => (
                  <tr key={b.id}>
                    <td>
                      {b.name}
                      {b.documentId ? <span class="badge">{t('medicalBillHasPdf')}</span> : null}
                    </td>
                    <td>{money(b.amount)}</td>
                    <td>{money(b.adjustment)}</td>
                    <td>{money(Math.round((b.amount - b.adjustment) * 100) / 100)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="hint">{t('medicalNoBills')}</p>
          )}
        </section>
      ))}
      <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
        {t('addMedicalBill')}
      </button>
      {adding ? <AddMedicalBill matter={matter} medical={shown} added={() => setVersion((v) => v + 1)} /> : null}
    </>
  );
}
