/**
 * Personal injury in the side panel, in the built extension against the sandbox: a "Personal Injury" matter shows the
 * "Damages" and "Medical" sections (another matter does not), which ask Clio nothing until opened; "Medical" lists the
 * matter's providers with their bills from the local copy of medical records details; "Add damage" sends
 * `POST /damages`; "Add medical bill" files the bill's PDF linked on a provider's portal page through Save to Clio's
 * upload and adds the bill, with the document, to the provider's record (PATCH), or makes a record for a new provider
 * (POST with the spec's required fields).
 */
import type { Page } from '@playwright/test';
import { PAGES } from './capture-helpers';
import { clioAsUser } from './clio-as-user';
import { expect, openMatterDetail, screenshot, signedIn, test } from './fixtures';
import { sandbox } from './sandbox-admin';

/** The extension API inside the worker (evaluated there, not in Node). */
declare const chrome: { windows: { create(o: { url: string; type: string; width: number; height: number }): Promise<unknown> } };

const injuryRequests = async () =>
  (await sandbox.log())
    .filter((r) => /^\/api\/v4\/(damages|medical_records_details|documents)/.test(r.path))
    .map((r) => ({ call: `${r.method} ${r.path.replace('/api/v4', '')}`, query: r.query, body: r.body }));

test('a personal-injury matter: Damages and Medical load when opened; a damage and medical bills (one with the PDF of a portal page) reach Clio', async ({
  context,
  worker,
  extensionId,
  extensionPage,
}) => {
  await signedIn(extensionPage);
  // The seeded personal-injury matter is the one holding the seeded medical records details.
  const details = (await clioAsUser(worker, 'GET', '/medical_records_details.json?fields=id,matter{id,display_number},medical_provider{id,name}')) as {
    data: Array<{ id: number; matter: { id: number; display_number: string }; medical_provider: { id: number; name: string } }>;
  };
  const riverside = details.data.find((d) => d.medical_provider.name === 'Riverside Orthopedic Clinic')!;
  const pi = riverside.matter;
  const other = (await clioAsUser(worker, 'GET', '/matters.json?fields=id,display_number,practice_area{name}&status=open&limit=50')) as {
    data: Array<{ id: number; display_number: string; practice_area: { name: string } | null }>;
  };
  const notPi = other.data.find((m) => m.practice_area?.name !== 'Personal Injury')!;

  // The provider's portal beside the panel, at an origin the build holds; the panel in a window of its own.
  const portal = await context.newPage();
  await portal.goto(`${PAGES}/provider-portal`);
  const panelOpened = context.waitForEvent('page', (p) => p.url().includes('/sidepanel.html'));
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 440, height: 1000 }), `chrome-extension://${extensionId}/sidepanel.html`);
  const panel: Page = await panelOpened;

  await openMatterDetail(panel, notPi.display_number);
  await expect(panel.getByRole('region', { name: 'Deadlines' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Medical' })).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Damages' })).toHaveCount(0);

  await sandbox.clearLog();
  await panel.getByRole('button', { name: 'Back to results' }).click();
  await openMatterDetail(panel, pi.display_number);
  const medical = panel.getByRole('region', { name: 'Medical' });
  const damages = panel.getByRole('region', { name: 'Damages' });
  await expect(medical).toBeVisible();
  await expect(damages).toBeVisible();
  expect(await injuryRequests()).toEqual([]);

  // Medical: the matter's providers with their bills, from one sync of the local copy.
  await medical.getByRole('button', { name: 'Medical', exact: true }).click();
  const clinic = medical.getByRole('region', { name: 'Riverside Orthopedic Clinic' });
  await expect(clinic.getByText('Bills: Received · Records: Requested')).toBeVisible();
  await expect(clinic.getByRole('row')).toHaveText([
    /Bill\s*Amount\s*Adjustment\s*Balance/,
    /ER visit\s*\$4,250\.00\s*\$850\.00\s*\$3,400\.00/,
    /Follow-up consult\s*\$375\.50\s*\$0\.00\s*\$375\.50/,
  ]);
  await expect(medical.getByRole('region', { name: 'Lakeview Physical Therapy' })).toBeVisible();
  await expect(medical.getByRole('region', { name: 'St. Anne Imaging Center' })).toHaveCount(0);
  const sync = await injuryRequests();
  expect(sync.map((r) => r.call)).toEqual(['GET /medical_records_details.json']);
  expect(sync[0]!.query!.fields).toContain('matter{id}');
  expect(sync[0]!.query!.updated_since).toBeUndefined();

  // Damages: only what this browser added, said plainly; one added.
  await damages.getByRole('button', { name: 'Damages', exact: true }).click();
  await expect(damages.getByText(/Clio shows all of this matter’s damages|Clio shows all of this matter's damages/)).toBeVisible();
  await expect(damages.getByText('No damages added from this browser.')).toBeVisible();
  await damages.getByRole('button', { name: 'Add damage' }).click();
  const damageForm = damages.getByRole('form', { name: 'Add damage' });
  await damageForm.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Special' });
  await damageForm.getByRole('textbox', { name: 'Description' }).fill('Lost wages, 6 weeks');
  await damageForm.getByRole('textbox', { name: 'Amount' }).fill('$7,200.50');
  await sandbox.clearLog();
  await damageForm.getByRole('button', { name: 'Save damage' }).click();
  await expect(damageForm.getByRole('status')).toHaveText('Damage added in Clio.');
  await expect(damages.getByRole('list', { name: 'Damages added from this browser' }).getByRole('listitem')).toHaveText([
    /\$7,200\.50\s*Special\s*Lost wages, 6 weeks\s*Added here/,
  ]);
  expect(await injuryRequests()).toEqual([
    {
      call: 'POST /damages.json',
      query: expect.any(Object),
      body: { data: { amount: 7200.5, damage_type: 'special', description: 'Lost wages, 6 weeks', matter_id: pi.id } },
    },
  ]);

  // Add medical bill: the portal's linked PDF is offered; the bill goes to Riverside's record, with the PDF attached.
  await portal.bringToFront();
  await medical.getByRole('button', { name: 'Add medical bill' }).click();
  const billForm = medical.getByRole('form', { name: 'Add medical bill' });
  await expect(billForm.getByRole('combobox', { name: 'Bill PDF' })).toHaveValue(`${PAGES}/riverside-bill.pdf`);
  // On the clinic's portal (its name in the page's title), that clinic is chosen.
  await expect(billForm.getByRole('combobox', { name: 'Medical provider' })).toHaveValue(String(riverside.medical_provider.id));
  await billForm.getByRole('textbox', { name: 'Bill', exact: true }).fill('Orthopedic follow-up and X-ray');
  await billForm.getByRole('textbox', { name: 'Amount' }).fill('1,250.00');
  await billForm.getByRole('textbox', { name: 'Adjustment' }).fill('250');
  await billForm.getByRole('textbox', { name: 'Balance' }).fill('1000');
  await billForm.getByRole('combobox', { name: 'Mark balance as' }).selectOption({ label: 'Lien' });
  await billForm.getByRole('combobox', { name: 'Records status' }).selectOption({ label: 'Received' });
  await screenshot(panel, 'sidepanel-injury-add-bill');
  await sandbox.clearLog();
  await billForm.getByRole('button', { name: 'Save medical bill' }).click();
  await expect(billForm.getByRole('status')).toHaveText('Medical bill added in Clio.', { timeout: 20_000 });
  await expect(clinic.getByRole('row').filter({ hasText: 'Orthopedic follow-up and X-ray' })).toHaveText(/X-ray\s*PDF\s*\$1,250\.00\s*\$250\.00\s*\$1,000\.00/);

  const { documents } = await sandbox.state();
  expect(documents).toEqual([expect.objectContaining({ name: 'riverside-bill.pdf', matter: { id: pi.id } })]);
  const doc = documents[0]!;
  expect(doc.versions[0]).toMatchObject({ content_type: 'application/pdf', fully_uploaded: true });
  const pdf = Buffer.from(await (await fetch(`${PAGES}/riverside-bill.pdf`)).arrayBuffer());
  expect((await sandbox.documentBytes(doc.id)).bytes.equals(pdf)).toBe(true);
  const sent = await injuryRequests();
  const patches = sent.filter((r) => r.call.startsWith('PATCH /medical_records_details'));
  expect(patches).toEqual([
    {
      call: `PATCH /medical_records_details/${riverside.id}.json`,
      query: expect.any(Object),
      body: {
        data: {
          bills_status: 'received',
          records_status: 'received',
          in_treatment: false,
          medical_bills: [
            { name: 'Orthopedic follow-up and X-ray', amount: 1250, adjustment: 250, balance: 1000, mark_balance_type_as: 'lien', document_id: doc.id },
          ],
        },
      },
    },
  ]);
  // The upload went before the bill that names its document; the section synced again, incrementally.
  const order = sent.map((r) => r.call);
  expect(order.indexOf('POST /documents.json')).toBeLessThan(order.indexOf(`PATCH /medical_records_details/${riverside.id}.json`));
  const resync = sent.filter((r) => r.call === 'GET /medical_records_details.json').pop()!;
  expect(resync.query!.updated_since).toBeDefined();

  // A provider no record names yet, found among Clio's contacts: a new record with the spec's required fields.
  await medical.getByRole('button', { name: 'Add medical bill' }).click();
  await medical.getByRole('button', { name: 'Add medical bill' }).click();
  await billForm.getByRole('searchbox', { name: 'Find a provider in Clio contacts' }).fill('Northgate Chiropractic');
  await billForm.getByRole('button', { name: 'Find provider' }).click();
  await expect(billForm.getByRole('combobox', { name: 'Medical provider' })).toHaveValue('96004');
  await sandbox.clearLog();
  await billForm.getByRole('combobox', { name: 'Bill PDF' }).selectOption({ label: 'None' });
  await billForm.getByRole('textbox', { name: 'Bill', exact: true }).fill('MRI, cervical spine');
  await billForm.getByRole('textbox', { name: 'Amount' }).fill('2,400');
  await billForm.getByRole('combobox', { name: 'Bills status' }).selectOption({ label: 'Requested' });
  await billForm.getByRole('button', { name: 'Save medical bill' }).click();
  await expect(billForm.getByRole('status')).toHaveText('Medical bill added in Clio.');
  // The provider now has a record on the matter: still the one chosen.
  await expect(billForm.getByRole('combobox', { name: 'Medical provider' })).toHaveValue('96004');
  const posted = (await injuryRequests()).filter((r) => r.call === 'POST /medical_records_details.json');
  expect(posted).toEqual([
    {
      call: 'POST /medical_records_details.json',
      query: expect.any(Object),
      body: {
        data: {
          medical_provider_id: 96_004,
          bills_status: 'requested',
          records_status: 'not_yet_requested',
          in_treatment: true,
          matter_id: pi.id,
          medical_bills: [{ name: 'MRI, cervical spine', amount: 2400, adjustment: 0, balance: 2400, mark_balance_type_as: 'outstanding_balance' }],
        },
      },
    },
  ]);
  await expect(medical.getByRole('region', { name: 'Northgate Chiropractic' }).getByRole('row')).toHaveText([
    /Bill/,
    /MRI, cervical spine\s*\$2,400\.00\s*\$0\.00\s*\$2,400\.00/,
  ]);
  await screenshot(panel, 'sidepanel-injury');
});

test('the practice areas the firm marks as personal injury (Options) decide which matters show the sections', async ({ worker, extensionPage }) => {
  await signedIn(extensionPage);
  const listed = (await clioAsUser(worker, 'GET', '/matters.json?fields=id,display_number,practice_area{name}&status=open&limit=100')) as {
    data: Array<{ id: number; display_number: string; practice_area: { name: string } | null }>;
  };
  const employment = listed.data.find((m) => m.practice_area?.name === 'Employment')!;
  const options = await extensionPage('options.html');
  const areas = options.getByRole('textbox', { name: 'Practice areas that are personal injury' });
  await expect(areas).toHaveAttribute('placeholder', 'Personal Injury');
  await areas.fill('employment\nSomething else');
  await areas.blur();

  const panel = await extensionPage('sidepanel.html');
  await openMatterDetail(panel, employment.display_number);
  await expect(panel.getByRole('region', { name: 'Medical' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Damages' })).toBeVisible();
  // Emptied: the default again, and an Employment matter is not personal injury.
  await areas.fill('');
  await areas.blur();
  await expect(panel.getByRole('region', { name: 'Medical' })).toHaveCount(0);
});
