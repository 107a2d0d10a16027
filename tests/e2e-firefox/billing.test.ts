/**
 * The matter detail's "Billing" in Firefox's sidebar page (opened as a tab): nothing is asked until it is opened; a
 * payment link for one of the matter's two unpaid bills is made once, with exactly the spec's fields, and its address
 * shows in "Payment link"; once the client pays, "Payment links" says so.
 */
import { describe, expect, it } from 'vitest';
import { FIREFOX_SANDBOX } from './ports';
import { sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, click, fieldValue, fill, textOf, until, waitForText } from './page-helpers';

interface Billed {
  id: number;
  display_number: string;
  bills: Array<{ id: number; number: string; balance: number; due_at: string }>;
}

async function admin<T>(method: string, path: string): Promise<T> {
  const res = await fetch(`${FIREFOX_SANDBOX}/__admin/${path}`, { method });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}
const billingRequests = async () =>
  (await sandbox.log())
    .filter((r) => /^\/api\/v4\/(bills|outstanding_client_balances|bank_accounts|clio_payments)/.test(r.path))
    .map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`);

describe('Firefox: billing in the matter detail', () => {
  const firefox = useFirefox();

  it('makes a payment link for a bill from the sidebar page, shows it, and says when it was paid', async () => {
    await signedIn(firefox());
    const [m] = await admin<Billed[]>('GET', 'billing/matters?limit=1');
    const panel = await firefox().open('sidepanel.html', { width: 400, height: 900 });
    await waitForText(panel, /Synced (just now|\d+ min ago)/, 30_000);
    await sandbox.clearLog();
    await fill(panel, 'searchbox', 'Search matters', m!.display_number);
    await waitForText(panel, m!.display_number);
    await panel.keyboard.press('Enter');
    await until(async () => (await panel.$eval('h1', (h) => h.textContent ?? '')).includes(m!.display_number), { message: 'the matter’s detail' });
    await byRole(panel, 'region', 'Billing');
    expect(await billingRequests()).toEqual([]);

    await click(panel, 'button', 'Billing');
    await until(async () => (await textOf(panel, 'list', 'Unpaid bills')).includes('Overdue'), { message: 'the unpaid bills' });
    const [overdue] = [...m!.bills].sort((a, b) => a.due_at.localeCompare(b.due_at));
    await click(panel, 'button', 'Request payment');
    await sandbox.clearLog();
    await click(panel, 'button', 'Create payment link');
    const url = await until(async () => (await fieldValue(panel, 'textbox', 'Payment link').catch(() => '')) || null, { message: 'the payment link' });
    expect(url).toMatch(/^https:\/\/payments\.sandbox\.invalid\/pay\//);
    const posts = (await sandbox.log()).filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/api/v4/clio_payments/links.json']);
    expect(Object.keys((posts[0]!.body as { data: object }).data).sort()).toEqual([
      'amount',
      'currency',
      'description',
      'destination_account',
      'duration',
      'email_address',
      'subject',
    ]);
    expect((posts[0]!.body as { data: unknown }).data).toMatchObject({
      subject: { id: overdue!.id, type: 'Bill' },
      duration: 7 * 86_400,
      destination_account: { id: 7001 },
    });

    const { links } = await admin<{ links: Array<{ id: number }> }>('GET', 'billing');
    await admin('POST', `billing/links/${links[0]!.id}/pay`);
    await click(panel, 'button', 'Refresh billing');
    await until(
      async () => {
        const text = await textOf(panel, 'list', 'Payment links');
        return text.includes('Paid') && !text.includes('Not paid yet');
      },
      { message: 'the link shown paid' },
    );
  });
});
