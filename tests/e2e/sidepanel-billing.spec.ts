/**
 * The matter detail's "Billing" section in the built extension against the sandbox: a matter with two unpaid bills
 * (one overdue), the client's balance and the trust funds; a payment link for a bill (the request carries exactly the
 * spec's fields, the link shows in "Payment link" and is copied, and once the client pays the list says so); a link for
 * an amount; a trust request; and what the section says when the app lacks the Clio Payments permission or the firm
 * has no Clio Payments. Nothing is asked of Clio until the section is opened.
 */
import type { Locator, Page } from '@playwright/test';
import { E2E_SANDBOX } from './ports';
import { expect, openMatterDetail, screenshot, signedIn, test } from './fixtures';
import { type LoggedRequest, sandbox } from './sandbox-admin';

interface Billed {
  id: number;
  display_number: string;
  client_id: number;
  client_name: string;
  bills: Array<{ id: number; number: string; balance: number; due_at: string }>;
}
interface BillingState {
  links: Array<{ id: number; amount: number | null; subject: { id: number; type: string }; description: string }>;
  trustRequests: Array<{
    trustType: string;
    clientId: number;
    trustAmount: number;
    approved: boolean;
    issueDate: string;
    dueDate: string;
    matters: Array<{ id: number }>;
  }>;
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E_SANDBOX}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}
const billedMatter = async () => (await admin<Billed[]>('GET', 'billing/matters?limit=1'))[0]!;
const BILLING_PATH = /^\/api\/v4\/(bills|outstanding_client_balances|bank_accounts|clio_payments|trust_requests|matters\/\d+\.json)/;
/** Billing's requests: the matter's own detail (which the detail asks anyway) counts only when it asks for trust balances. */
const billingRequests = async (): Promise<LoggedRequest[]> =>
  (await sandbox.log()).filter(
    (r) => BILLING_PATH.test(r.path) && (!r.path.startsWith('/api/v4/matters/') || String(r.query?.fields).includes('account_balances')),
  );
const lines = (log: LoggedRequest[]) => log.map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`);
const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);

async function openBilling(extensionPage: (p: 'sidepanel.html') => Promise<Page>, m: Billed): Promise<{ page: Page; billing: Locator }> {
  const page = await extensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 900 });
  await openMatterDetail(page, m.display_number);
  await expect(page.getByRole('heading', { name: 'Recent time' })).toBeVisible();
  const billing = page.getByRole('region', { name: 'Billing', exact: true });
  await expect(billing).toBeVisible();
  return { page, billing };
}

test('Billing: two unpaid bills; a payment link for one, copied, then paid', async ({ extensionPage, context }) => {
  await signedIn(extensionPage);
  const m = await billedMatter();
  await sandbox.clearLog();
  const { page, billing } = await openBilling(extensionPage, m);
  // Opening the detail asks nothing of billing.
  expect(await billingRequests()).toEqual([]);

  await billing.getByRole('button', { name: 'Billing', exact: true }).click();
  const bills = billing.getByRole('list', { name: 'Unpaid bills' });
  await expect(bills.getByRole('listitem')).toHaveCount(2);
  const [overdue, upcoming] = [...m.bills].sort((a, b) => a.due_at.localeCompare(b.due_at));
  await expect(bills.getByRole('listitem').nth(0)).toContainText(`Bill ${overdue!.number}`);
  await expect(bills.getByRole('listitem').nth(0)).toContainText(money(overdue!.balance));
  await expect(bills.getByRole('listitem').nth(0)).toContainText('Overdue');
  await expect(bills.getByRole('listitem').nth(1)).toContainText(`Bill ${upcoming!.number}`);
  await expect(bills.getByRole('listitem').nth(1)).not.toContainText('Overdue');
  await expect(billing.getByText("Client's outstanding balance")).toBeVisible();
  await expect(billing.getByText(/Trust funds in Client Trust/)).toBeVisible();
  await expect(billing.getByText('No active payment links for this matter.')).toBeVisible();
  const opened = await billingRequests();
  expect(lines(opened).sort()).toEqual(
    [
      `GET /matters/${m.id}.json`,
      'GET /bills.json',
      'GET /outstanding_client_balances.json',
      'GET /bank_accounts.json',
      'GET /clio_payments/links.json',
    ].sort(),
  );
  for (const r of opened) expect(r.query?.fields, r.path).toBeTruthy();
  await screenshot(page, 'sidepanel-billing');

  // A link for the overdue bill, into the operating account, open 7 days, the client's email prefilled.
  await billing.getByRole('button', { name: 'Request payment' }).click();
  const form = billing.getByRole('form', { name: 'Request payment' });
  await expect(form.getByRole('combobox', { name: 'Pay for' })).toHaveValue(String(overdue!.id));
  await expect(form.getByRole('textbox', { name: 'Link valid for (days)' })).toHaveValue('7');
  await expect(form.getByRole('combobox', { name: 'Deposit to' })).toHaveValue('7001');
  await form.getByRole('textbox', { name: 'Link valid for (days)' }).fill('91');
  await form.getByRole('button', { name: 'Create payment link' }).click();
  await expect(form.getByRole('status')).toContainText('from 1 to 90 days');
  await form.getByRole('textbox', { name: 'Link valid for (days)' }).fill('14');
  await sandbox.clearLog();
  await form.getByRole('button', { name: 'Create payment link' }).click();
  const linkBox = form.getByRole('textbox', { name: 'Payment link' });
  await expect(linkBox).toHaveValue(/^https:\/\/payments\.sandbox\.invalid\/pay\//);
  await expect(form.getByText(/The link expires/)).toBeVisible();

  const posts = (await sandbox.log()).filter((r) => r.method === 'POST');
  expect(posts.map((r) => r.path)).toEqual(['/api/v4/clio_payments/links.json']);
  const body = posts[0]!.body as { data: Record<string, unknown> };
  // Exactly the spec's fields: its required five, the amount, the prefilled email.
  expect(Object.keys(body.data).sort()).toEqual(['amount', 'currency', 'description', 'destination_account', 'duration', 'email_address', 'subject']);
  expect(body.data).toMatchObject({
    currency: 'USD',
    destination_account: { id: 7001 },
    duration: 14 * 86_400,
    subject: { id: overdue!.id, type: 'Bill' },
    amount: overdue!.balance,
    description: `Bill ${overdue!.number} · ${m.display_number}`,
  });
  expect(typeof body.data.email_address).toBe('string');

  await form.getByRole('button', { name: 'Copy link' }).click();
  await expect(form.getByRole('status')).toHaveText('Payment link copied.');
  // Pasted where a person would paste it (an email being written): the clipboard holds the link.
  const mail = await context.newPage();
  await mail.setContent('<textarea aria-label="Message"></textarea>');
  await mail.getByRole('textbox', { name: 'Message' }).focus();
  await mail.keyboard.press('ControlOrMeta+V');
  await expect(mail.getByRole('textbox', { name: 'Message' })).toHaveValue(await linkBox.inputValue());
  await mail.close();

  const links = billing.getByRole('list', { name: 'Payment links' });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(links.getByRole('listitem')).toContainText('Not paid yet');
  await screenshot(page, 'sidepanel-billing-link');

  // The client pays; the list says so once read again.
  const { links: made } = await admin<BillingState>('GET', 'billing');
  await admin('POST', `billing/links/${made[0]!.id}/pay`);
  await billing.getByRole('button', { name: 'Refresh billing' }).click();
  await expect(links.getByRole('listitem')).toContainText('Paid');
  await expect(links.getByRole('listitem')).not.toContainText('Not paid yet');
  await expect(bills.getByRole('listitem')).toHaveCount(1);
});

test('Billing: a payment link for an amount, and a trust request', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const m = await billedMatter();
  const { page, billing } = await openBilling(extensionPage, m);
  await billing.getByRole('button', { name: 'Billing', exact: true }).click();
  await expect(billing.getByRole('list', { name: 'Unpaid bills' }).getByRole('listitem')).toHaveCount(2);

  await billing.getByRole('button', { name: 'Request payment' }).click();
  const form = billing.getByRole('form', { name: 'Request payment' });
  await form.getByRole('combobox', { name: 'Pay for' }).selectOption({ label: 'An amount on this matter' });
  await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(`Payment on ${m.display_number}`);
  await form.getByRole('textbox', { name: 'Amount' }).fill('$1,250.00');
  await form.getByRole('combobox', { name: 'Deposit to' }).selectOption({ label: 'Client Trust (Clio Payments) (USD)' });
  await sandbox.clearLog();
  await form.getByRole('button', { name: 'Create payment link' }).click();
  await expect(form.getByRole('textbox', { name: 'Payment link' })).toHaveValue(/^https:\/\//);
  const [post] = (await sandbox.log()).filter((r) => r.method === 'POST');
  expect((post!.body as { data: unknown }).data).toEqual({
    currency: 'USD',
    description: `Payment on ${m.display_number}`,
    destination_account: { id: 7002 },
    duration: 7 * 86_400,
    subject: { id: 7002, type: 'BankAccount' },
    amount: 1250,
    email_address: expect.any(String),
    destination_contact: { id: m.client_id },
  });
  const links = billing.getByRole('list', { name: 'Payment links' });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(links.getByRole('listitem')).toContainText(`Payment on ${m.display_number}`);
  await expect(links.getByRole('listitem')).toContainText('$1,250.00');

  await billing.getByRole('button', { name: 'Request trust funds' }).click();
  const trust = billing.getByRole('form', { name: 'Request trust funds' });
  await trust.getByRole('textbox', { name: 'Amount' }).fill('2500');
  await trust.getByRole('combobox', { name: 'Trust type' }).selectOption({ label: 'This matter' });
  await trust.getByRole('checkbox', { name: 'Approve now' }).check();
  await trust.getByRole('button', { name: 'Send trust request' }).click();
  await expect(trust.getByRole('status')).toHaveText('Trust request for $2,500.00 sent to Clio.');
  const { trustRequests } = await admin<BillingState>('GET', 'billing');
  expect(trustRequests).toEqual([
    expect.objectContaining({ trustType: 'matter', clientId: m.client_id, trustAmount: 2500, approved: true, matters: [{ id: m.id }] }),
  ]);
  const [trustPost] = (await sandbox.log()).filter((r) => r.path === '/api/v4/trust_requests.json');
  expect(Object.keys((trustPost!.body as { data: object }).data).sort()).toEqual([
    'approved',
    'client_id',
    'due_date',
    'issue_date',
    'matter',
    'trust_amount',
    'trust_type',
  ]);
  await screenshot(page, 'sidepanel-billing-trust');
});

test('Billing: the app without the Clio Payments permission, and a firm without Clio Payments, are said with what to change', async ({ extensionPage }) => {
  await signedIn(extensionPage);
  const m = await billedMatter();
  await admin('POST', 'billing', { clioPayments: false });
  const { page, billing } = await openBilling(extensionPage, m);
  await billing.getByRole('button', { name: 'Billing', exact: true }).click();
  // Bills still show; payment links say which permission to tick.
  await expect(billing.getByRole('list', { name: 'Unpaid bills' }).getByRole('listitem')).toHaveCount(2);
  await expect(billing.getByText(/lacks the Clio Payments permission.*tick Clio Payments/)).toBeVisible();
  await screenshot(page, 'sidepanel-billing-no-permission');
  await billing.getByRole('button', { name: 'Request payment' }).click();
  await expect(billing.getByText(/lacks the Clio Payments permission/)).toHaveCount(2);
  await expect(billing.getByRole('form', { name: 'Request payment' })).toHaveCount(0);

  await admin('POST', 'billing', { clioPayments: true, firmClioPayments: false });
  await billing.getByRole('button', { name: 'Refresh billing' }).click();
  await expect(billing.getByText(/This firm doesn't have Clio Payments.*Settings › Online Payments/).first()).toBeVisible();
});
