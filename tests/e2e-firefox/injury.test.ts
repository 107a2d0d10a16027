/**
 * Personal injury in Firefox's sidebar page (opened as a tab): a "Personal Injury" matter shows "Damages" and
 * "Medical", which ask Clio nothing until opened; "Medical" lists the matter's providers with their bills; a damage
 * added there reaches Clio once, with the spec's body.
 */
import { describe, expect, it } from 'vitest';
import { sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, click, fill, textOf, until, waitForText } from './page-helpers';

const injuryRequests = async () =>
  (await sandbox.log())
    .filter((r) => /^\/api\/v4\/(damages|medical_records_details)/.test(r.path))
    .map((r) => ({ call: `${r.method} ${r.path.replace('/api/v4', '')}`, body: r.body }));

/** The sandbox seeds medical records on its first open Personal Injury matter (the area's subjects are its own). */
async function injuryMatter() {
  const subjects = ['auto accident', 'slip and fall', 'dog bite', 'premises liability', 'medical malpractice'];
  const found = (await Promise.all(subjects.map((s) => sandbox.matters(s, 'Open')))).flat();
  return found.sort((a, b) => a.id - b.id)[0]!;
}

describe('Firefox: personal injury in the matter detail', () => {
  const firefox = useFirefox();

  it('Medical lists the providers and bills once opened; a damage reaches Clio', async () => {
    await signedIn(firefox());
    const matter = await injuryMatter();
    const panel = await firefox().open('sidepanel.html', { width: 420, height: 1000 });
    await waitForText(panel, /Synced (just now|\d+ min ago)/, 30_000);
    await sandbox.clearLog();
    await fill(panel, 'searchbox', 'Search matters', matter.display_number);
    await waitForText(panel, matter.display_number);
    await panel.keyboard.press('Enter');
    await until(async () => (await panel.$eval('h1', (h) => h.textContent ?? '')).includes(matter.display_number), { message: 'the matter’s detail' });
    await byRole(panel, 'region', 'Medical');
    await byRole(panel, 'region', 'Damages');
    expect(await injuryRequests()).toEqual([]);

    await click(panel, 'button', 'Medical');
    await byRole(panel, 'region', 'Riverside Orthopedic Clinic');
    expect(await textOf(panel, 'region', 'Riverside Orthopedic Clinic')).toMatch(/ER visit\s*\$4,250\.00\s*\$850\.00\s*\$3,400\.00/);
    expect((await injuryRequests()).map((r) => r.call)).toEqual(['GET /medical_records_details.json']);

    await click(panel, 'button', 'Damages');
    await waitForText(panel, 'No damages added from this browser.');
    await click(panel, 'button', 'Add damage');
    await fill(panel, 'textbox', 'Description', 'Medical expenses to date');
    await fill(panel, 'textbox', 'Amount', '12,480.00');
    await click(panel, 'button', 'Save damage');
    await until(async () => (await textOf(panel, 'form', 'Add damage')).includes('Damage added in Clio.'), { message: 'the damage saved' });
    await until(async () => (await textOf(panel, 'list', 'Damages added from this browser')).includes('Medical expenses to date'), {
      message: 'the damage listed',
    });
    expect((await injuryRequests()).filter((r) => r.call.startsWith('POST'))).toEqual([
      { call: 'POST /damages.json', body: { data: { amount: 12480, damage_type: 'special', description: 'Medical expenses to date', matter_id: matter.id } } },
    ]);
  });
});
