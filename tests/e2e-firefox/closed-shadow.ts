/**
 * The shipping build keeps the in-page capture dialog in a closed shadow root: page scripts cannot read it,
 * and neither can Puppeteer's selectors (its ARIA queries through BiDi's `locateNodes` stop at the closed root).
 * WebDriver BiDi itself serializes closed shadow roots (`includeShadowTree: 'all'`), so these helpers reach
 * the root by its shared id, find controls by their label as a person reads them, and act with real input
 * (mouse and keyboard at the control), the way the page's user does. Reading values happens in a function
 * run against the root in the page's realm; nothing is written through it.
 */
import type { Page } from 'puppeteer-core';
import { until } from './page-helpers';

interface BidiConnection {
  send(method: 'script.callFunction', params: Record<string, unknown>): Promise<{ result: CallResult }>;
}
type RemoteValue = { type: string; value?: unknown; sharedId?: string };
type CallResult = { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };

/** What the page-side functions share: finding a control in the root by role and accessible name. */
const FIND = `
  const text = (e) => (e && e.textContent || '').replace(/\\s+/g, ' ').trim();
  const nameOf = (e) => {
    if (e.hasAttribute('aria-label')) return e.getAttribute('aria-label').trim();
    const by = e.getAttribute('aria-labelledby');
    if (by) return by.split(/\\s+/).map((id) => text(root.getElementById(id))).join(' ').trim();
    if (e.labels && e.labels.length) return text(e.labels[0]);
    return text(e);
  };
  const SELECTORS = { textbox: 'input:not([type=checkbox]):not([type=radio]),textarea', button: 'button', dialog: 'dialog,[role=dialog]', status: '[role=status]', link: 'a[href]', checkbox: 'input[type=checkbox]' };
  const find = (role, name) => [...root.querySelectorAll(SELECTORS[role])].find((e) => name === undefined || nameOf(e) === name) || null;
`;

export type ShadowRole = 'textbox' | 'button' | 'dialog' | 'status' | 'link' | 'checkbox';

export class ClosedShadow {
  constructor(
    private readonly page: Page,
    private readonly hostSelector: string,
  ) {}

  private get connection(): BidiConnection {
    return (this.page.browser() as unknown as { connection: BidiConnection }).connection;
  }

  private get context(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }

  /** The shadow root's BiDi shared id, or null while the host (or its root) is not there. */
  private async rootId(): Promise<string | null> {
    const { result } = await this.connection.send('script.callFunction', {
      functionDeclaration: `(sel) => document.querySelector(sel)`,
      arguments: [{ type: 'string', value: this.hostSelector }],
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
      resultOwnership: 'none',
    });
    if (result.type !== 'success' || result.result.type !== 'node') return null;
    const shadow = (result.result.value as { shadowRoot?: RemoteValue | null }).shadowRoot;
    return shadow?.sharedId ?? null;
  }

  /** Runs `body` (page-side source, with `root`, `find`, `nameOf` and `arg` in scope) against the root; its result comes back as JSON. */
  async run<T>(body: string, arg: unknown = null): Promise<T> {
    const root = await this.rootId();
    if (!root) throw new Error(`no shadow root on ${this.hostSelector}`);
    const { result } = await this.connection.send('script.callFunction', {
      functionDeclaration: `(root, json) => { const arg = JSON.parse(json); ${FIND} return JSON.stringify((() => { ${body} })() ?? null); }`,
      arguments: [{ sharedId: root }, { type: 'string', value: JSON.stringify(arg) }],
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'none',
    });
    if (result.type !== 'success') throw new Error(`in the shadow root: ${result.exceptionDetails.text}`);
    return JSON.parse(String(result.result.value)) as T;
  }

  /** Whether the host and a control with this role and name are there. */
  async has(role: ShadowRole, name?: string): Promise<boolean> {
    return (await this.rootId()) !== null && this.run<boolean>('return !!find(arg.role, arg.name);', { role, name });
  }

  /** The value of the field with this label (once the field is there). */
  value(name: string): Promise<string> {
    return until(() => this.run<string | null>(`const e = find('textbox', arg); return e ? e.value : null;`, name).then((v) => v ?? undefined), {
      message: `the field "${name}" in the dialog`,
    }).then(String);
  }

  /** The text of the element with this role (and name). */
  text(role: ShadowRole, name?: string): Promise<string> {
    return this.run<string>('return text(find(arg.role, arg.name));', { role, name });
  }

  /** The name of the element that has focus inside the root, if any. */
  focused(): Promise<string | null> {
    return this.run<string | null>('const e = root.activeElement; return e ? nameOf(e) : null;');
  }

  /** Clicks the control with this role and name with the mouse, at its centre. */
  async click(role: ShadowRole, name: string): Promise<void> {
    const at = await until(
      () =>
        this.run<{ x: number; y: number } | null>(
          `const e = find(arg.role, arg.name); if (!e) return null; e.scrollIntoView({ block: 'center' });
           const r = e.getBoundingClientRect(); return r.width && r.height ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;`,
          { role, name },
        ),
      { message: `${role} "${name}" in the dialog` },
    );
    await this.page.mouse.click(at.x, at.y);
  }

  /** Replaces the text of the field with this label by typing, as a person would. */
  async fill(name: string, text: string): Promise<void> {
    await this.click('textbox', name);
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('KeyA');
    await this.page.keyboard.up('Control');
    await this.page.keyboard.press('Backspace');
    if (text) await this.page.keyboard.type(text);
    await until(async () => (await this.value(name)) === text, { message: `"${text}" in the field "${name}"` });
  }
}
