/** The side panel: matter lookup that answers as you type, and a matter's detail with its actions. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { SignInButton } from '@/components/SignInButton';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import type { MatterRow, MatterStatus } from '@/lib/matters/matter';
import { matterSyncItem, panelConflictItem, panelQueryItem } from '@/lib/matters/matter-items';
import type { SyncStatus } from '@/lib/matters/matter-service';
import { DEFAULT_LOOKUP_LIMIT, indexAnswers, searchIndex } from '@/lib/matters/matter-lookup';
import { send } from '@/lib/messaging/send';
import { accountItem } from '@/lib/auth/account-item';
import { t } from '@/lib/i18n';
import { loadedIndex, localIndex } from './local-index';
import { ConflictCheck } from './ConflictCheck';
import { PageSuggestions } from './PageSuggestions';
import { matterStatusText } from './matter-status';
import { countIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';
import { loadWhenUsed } from '@/components/load-when-used';

// A matter's detail and its sections (billing, filing, deadlines, injury) load when a matter is first opened: the
// panel opens with only its search (#12: no task over 50 ms while it opens at 100,000 matters).
const MatterDetail = loadWhenUsed(() => import('./MatterDetail').then((m) => m.MatterDetail));

const STALE_MS = 5 * 60_000;
const CLIO_DEBOUNCE_MS = 250;

export function Panel() {
  const s = useFollowed({ account: accountItem, sync: matterSyncItem, query: panelQueryItem, conflict: panelConflictItem });
  const [status, setStatus] = useState<Status | null>(null);
  if (s === undefined) return null;
  const { account } = s;
  if (!account.signedIn) {
    return (
      <main>
        <h1>{t('matterPanelTitle')}</h1>
        {account.problem ? <p class="problem">{account.problem}</p> : <p>{t('panelSignIn')}</p>}
        <SignInButton onStatus={setStatus} />
        <StatusMessage status={status} />
      </main>
    );
  }
  return <Lookup sync={s.sync} handedQuery={s.query} handedConflict={s.conflict} />;
}

function Lookup({
  sync,
  handedQuery,
  handedConflict,
}: {
  sync: SyncStatus | undefined;
  handedQuery: { query: string; at: number } | null;
  handedConflict: { query: string; at: number } | null;
}) {
  // The conflict check shows for a `check-conflicts` click (each new one), until closed.
  const [conflictClosedAt, setConflictClosedAt] = useState(0);
  const conflictOpen = !!handedConflict && handedConflict.at > conflictClosedAt;
  const [query, setQuery] = useState('');
  const queryRef = useRef('');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [mine, setMine] = useState(false);
  const [hits, setHits] = useState<MatterRow[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<MatterRow | null>(null);
  const [note, setNote] = useState<string>('');
  const box = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const ready = indexAnswers(sync);

  useEffect(() => {
    void send('matters/sync', { ifOlderThanMs: STALE_MS }).catch(() => undefined);
    box.current?.focus();
  }, []);

  const statuses: MatterStatus[] = includeClosed ? ['Open', 'Pending', 'Closed'] : ['Open', 'Pending'];
  const myId = useRef<number | null>(null);
  useEffect(() => {
    void accountItem.getValue().then((a) => (myId.current = a.user?.id ?? null));
  }, []);

  /** With the index loaded, a keystroke is answered in the same task: no message, no extra frame. */
  const searchLocally = (q: string, st: MatterStatus[], onlyMine: boolean): boolean => {
    const index = loadedIndex();
    if (!ready || !index) return false;
    setHits(searchIndex(index, q, { statuses: st, mine: onlyMine }, myId.current));
    setActive(0);
    setNote('');
    return true;
  };

  // The `search-matters` menu item hands over the selection as the query.
  useEffect(() => {
    if (handedQuery?.query) {
      setOpen(null);
      setQuery(handedQuery.query);
      queryRef.current = handedQuery.query;
      searchLocally(handedQuery.query, statuses, mine);
    }
  }, [handedQuery?.at]);

  // Open the index (once), bring it up to date after each sync (in place), and search again with the new data or filters.
  useEffect(() => {
    const mySeq = ++seq.current;
    if (ready) {
      void localIndex().then(() => {
        if (mySeq === seq.current) searchLocally(queryRef.current, statuses, mine);
      });
      return;
    }
    if (!query.trim()) {
      setHits([]);
      return;
    }
    // Not synced yet: Clio's own search through the background, debounced.
    const timeout = setTimeout(async () => {
      try {
        const r = await send('matters/lookup', { query, statuses, mine, limit: DEFAULT_LOOKUP_LIMIT });
        if (mySeq === seq.current) {
          setHits(r.hits);
          setActive(0);
          setNote(t('searchingClioDirectly'));
        }
      } catch (e) {
        if (mySeq === seq.current) setNote((e as Error).message);
      }
    }, CLIO_DEBOUNCE_MS);
    return () => clearTimeout(timeout);
  }, [ready ? '' : query, includeClosed, mine, ready, sync?.lastSyncAt]);

  if (open) return <MatterDetail matter={open} back={() => (setOpen(null), setTimeout(() => box.current?.focus()))} />;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      setOpen(hits[active]!);
    }
  };

  return (
    <main>
      <h1>{t('matterPanelTitle')}</h1>
      {conflictOpen ? <ConflictCheck handed={handedConflict} onClose={() => setConflictClosedAt(Date.now())} /> : null}
      <input
        ref={box}
        type="search"
        aria-label={t('searchMatters')}
        placeholder={t('searchPlaceholder')}
        value={query}
        aria-controls="matter-results"
        aria-activedescendant={hits[active] ? `matter-${hits[active]!.id}` : undefined}
        onInput={(e) => {
          const q = e.currentTarget.value;
          setQuery(q);
          queryRef.current = q;
          searchLocally(q, statuses, mine);
        }}
        onKeyDown={onKeyDown}
        autocomplete="off"
        spellcheck={false}
      />
      <div class="row filters">
        <label class="check">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} /> {t('includeClosed')}
        </label>
        <label class="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} /> {t('myMatters')}
        </label>
      </div>
      <SyncLine sync={sync} />
      {query.trim() ? null : <PageSuggestions onOpen={setOpen} />}
      {note ? <p class="hint">{note}</p> : null}
      <ul id="matter-results" class="results" aria-label={t('mattersList')}>
        {/* Keyed by position: a keystroke rewrites the rows' text in place, where keys by matter would replace most rows' nodes. */}
        {hits.map((m, i) => (
          <li key={i} id={`matter-${m.id}`} class={i === active ? 'active' : ''} aria-current={i === active ? 'true' : undefined}>
            <button type="button" class="result" onClick={() => setOpen(m)}>
              <span class="num">{m.displayNumber}</span>
              <span class={`badge status-${m.status.toLowerCase()}`}>{matterStatusText(m.status)}</span>
              <span class="desc">{m.description}</span>
              <span class="client">{m.clientName}</span>
            </button>
          </li>
        ))}
      </ul>
      {query.trim() && hits.length === 0 && (ready || note) ? <p class="hint">{t('noMatterMatches', query)}</p> : null}
    </main>
  );
}

function SyncLine({ sync }: { sync: SyncStatus | undefined }) {
  if (!sync) return null;
  const n = (x: number) => countIn(x, uiLocale());
  if (sync.running && !sync.ready) {
    return (
      <p class="sync" role="status">
        {sync.total ? t('syncingMattersOf', n(sync.fetched), n(sync.total)) : t('syncingMatters', n(sync.fetched))}
      </p>
    );
  }
  if (sync.error && !sync.ready) return <p class="sync problem">{t('syncFailed', sync.error)}</p>;
  if (!sync.lastSyncAt) return null;
  const mins = Math.round((Date.now() - sync.lastSyncAt) / 60_000);
  return (
    <p class="sync hint">
      {mins < 1 ? t('syncedJustNow') : t('syncedMinutesAgo', mins)}
      {sync.running ? ` · ${t('syncUpdating')}` : ''}
      {sync.learning ? ` · ${t('syncLearningClients')}` : ''}
    </p>
  );
}
