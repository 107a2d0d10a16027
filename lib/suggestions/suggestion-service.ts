/**
 * "Suggested for this page": reads the active tab on the person's gesture (the popup opening over it, the side
 * panel's "Suggest for this page"), matches what it says against the local matter index (0 Clio requests, works
 * offline), and puts first the matter last used on the site. Nothing about the page leaves the browser. Sites the
 * person marked "never read" are not read. The last reading of each window is kept for the surfaces that have no
 * gesture of their own.
 */
import type { KeyLookup, LookupQuery } from '../matters/lookup-keys';
import type { MatterRef } from '../matter-ref';
import type { MatterRow } from '../matters/matter';
import type { PageSignals } from '../page-reading/page-signals';
import type { Phrase } from '../phrase';
import { MAX_SUGGESTIONS, queryOf, rankSuggestions } from './page-match';
import { remember, siteOf } from './site-memory';
import { neverReadItem, pageSuggestionsItem, siteMattersItem } from './suggestion-items';

/** A tab as the service needs it. */
export interface TabInfo {
  id: number;
  windowId: number;
  url: string;
  title: string;
}

/** What a surface shows for the page. */
export interface PageSuggestions {
  /** ok: read and matched; no-grant: the extension may not read this tab now; never: the person asked not to; no-page: nothing to read. */
  state: 'ok' | 'no-grant' | 'never' | 'no-page';
  pageUrl: string;
  pageTitle: string;
  /** The site the per-site memory uses, shown to the person (null for what is not a web page). */
  site: string | null;
  /** Best first; the site's remembered matter (if any) leads, with its reason. */
  suggestions: Array<{ matter: MatterRef & Partial<MatterRow>; reasons: string[] }>;
  /** The first suggestion is the matter last used on this site. */
  remembered: boolean;
  /** The index is still learning its clients' emails and phones: say so rather than "nothing found". */
  learning: boolean;
  at: number;
}

export interface SuggestionDeps {
  /** The active tab of window `windowId` (the asking surface's), else of the last focused window. */
  activeTab(windowId?: number): Promise<TabInfo | null>;
  readSignals(tabId: number): Promise<PageSignals | null>;
  byKeys(query: LookupQuery): Promise<KeyLookup>;
  say(p: Phrase): string;
  now?: () => number;
}

const isWebPage = (url: string) => /^https?:/i.test(url);

export class SuggestionService {
  constructor(private readonly deps: SuggestionDeps) {}

  private now = () => (this.deps.now ?? Date.now)();

  /**
   * Reads the active tab and suggests. Where the active tab is no web page (an extension page, such as the
   * popup opened as a tab), answers the last reading of its window instead.
   */
  async forActiveTab(windowId?: number): Promise<PageSuggestions> {
    const tab = await this.deps.activeTab(windowId);
    if (!tab) return this.empty('no-page', '', '');
    // No address: the browser hides it from an extension that holds no grant for the tab, so it cannot be read either.
    if (!tab.url) return this.keep(tab.windowId, this.empty('no-grant', '', tab.title));
    if (!isWebPage(tab.url)) return (await pageSuggestionsItem.getValue())[String(tab.windowId)] ?? this.empty('no-page', tab.url, tab.title);
    const site = siteOf(tab.url);
    const [never, sites] = await Promise.all([neverReadItem.getValue(), siteMattersItem.getValue()]);
    const remembered = site ? sites[site] : undefined;
    let out: PageSuggestions;
    if (site && never.includes(site)) out = this.withRemembered(this.empty('never', tab.url, tab.title), remembered?.matter);
    else {
      const signals = await this.deps.readSignals(tab.id);
      if (!signals) out = this.withRemembered(this.empty('no-grant', tab.url, tab.title), remembered?.matter);
      else {
        const found = await this.deps.byKeys(queryOf(signals));
        const ranked = rankSuggestions(signals, found.matches).map((s) => ({ matter: s.matter, reasons: s.reasons.map(this.deps.say) }));
        out = this.withRemembered(
          { ...this.empty('ok', tab.url, signals.title || tab.title), suggestions: ranked, learning: found.learning },
          remembered?.matter,
        );
      }
    }
    return this.keep(tab.windowId, out);
  }

  /** Keeps `out` as the last reading of window `windowId`, for the surfaces that have no gesture of their own. */
  private async keep(windowId: number, out: PageSuggestions): Promise<PageSuggestions> {
    await pageSuggestionsItem.setValue({ ...(await pageSuggestionsItem.getValue()), [String(windowId)]: out });
    return out;
  }

  /**
   * The matters whose client is this person (by email, phone or name), as a dialog over a page found them
   * there (the capture dialog: "already a client?"). Matched locally, 0 Clio requests.
   */
  async forPerson(person: { name: string; email: string; phone: string }): Promise<Array<{ matter: MatterRef & Partial<MatterRow>; reasons: string[] }>> {
    const signals: PageSignals = {
      url: '',
      title: '',
      headings: person.name.trim() ? [person.name.trim()] : [],
      emails: [person.email].filter(Boolean),
      phones: [person.phone].filter(Boolean),
      ids: [],
    };
    if (!signals.emails.length && !signals.phones.length && !signals.headings.length) return [];
    const found = await this.deps.byKeys(queryOf(signals));
    // The name came from the person, not from a heading: said as such.
    const said = (r: Phrase) => this.deps.say(r.key === 'suggestReasonNameHeading' ? { key: 'suggestReasonSameName', subs: [] } : r);
    return rankSuggestions(signals, found.matches).map((s) => ({ matter: s.matter, reasons: s.reasons.map(said) }));
  }

  /** The matter was used on the page at `url` (a timer started, time saved): offered first there next time. */
  async rememberSite(url: string, matter: MatterRef): Promise<void> {
    const site = siteOf(url);
    if (site) await siteMattersItem.setValue(remember(await siteMattersItem.getValue(), site, matter, this.now()));
  }

  /** Forgets the matter remembered for one site, or for every site. */
  async forgetSite(site?: string): Promise<void> {
    if (site === undefined) return siteMattersItem.setValue({});
    const { [site]: _gone, ...rest } = await siteMattersItem.getValue();
    await siteMattersItem.setValue(rest);
  }

  /** Never read pages of this site again (or read them again, with `never: false`). */
  async setNeverRead(site: string, never: boolean): Promise<void> {
    const all = (await neverReadItem.getValue()).filter((s) => s !== site);
    await neverReadItem.setValue(never ? [...all, site] : all);
  }

  private empty(state: PageSuggestions['state'], pageUrl: string, pageTitle: string): PageSuggestions {
    return { state, pageUrl, pageTitle, site: siteOf(pageUrl), suggestions: [], remembered: false, learning: false, at: this.now() };
  }

  private withRemembered(out: PageSuggestions, matter: MatterRef | undefined): PageSuggestions {
    if (!matter) return out;
    const rest = out.suggestions.filter((s) => s.matter.id !== matter.id);
    const same = out.suggestions.find((s) => s.matter.id === matter.id);
    const site = this.deps.say({ key: 'suggestReasonSite', subs: [] });
    return { ...out, remembered: true, suggestions: [{ matter, reasons: [site, ...(same?.reasons ?? [])] }, ...rest].slice(0, MAX_SUGGESTIONS) };
  }
}
