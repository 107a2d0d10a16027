/**
 * The extension in French: Chromium started with `LANGUAGE=fr_CA` and Playwright's locale `fr-CA` (Debian's
 * `chromium-l10n` installed; fixtures.ts `launchWithExtension`), so chrome.i18n answers from _locales/fr and
 * getUILanguage() is `fr-CA`. Each surface shows French words and French formats, and is
 * photographed for review (test-results/screenshots/fr-*.png): the popup, the side panel with a matter's detail, the
 * options, and the three dialogs over a page (capture, Save to Clio, Add deadline). Accessible names are English in
 * every other spec; here they are the French ones, or ids.
 */
import type { Page } from '@playwright/test';
import { dialogFrame, field, openPage, rightClickCapture, rightClickMenu, select } from './capture-helpers';
import { connectGrow, expect, openMatterDetail, openPopup, pickMatter, screenshot, signedIn, test } from './fixtures';
import { E2E_SANDBOX } from './ports';
import { sandbox } from './sandbox-admin';

/** The extension API inside its pages (evaluated there, not in Node). */
declare const chrome: { i18n: { getUILanguage(): string } };

test.use({ uiLanguage: 'fr-CA' });

const SIGN_IN = 'Se connecter avec Clio';
const MATTER = { box: 'Dossier', list: 'Dossiers' };

async function sidePanel(extensionPage: (p: 'sidepanel.html') => Promise<Page>): Promise<Page> {
  const page = await extensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 800 });
  return page;
}

test('the browser is French: the extension’s words, its language tag and its formats', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  expect(await options.evaluate(() => chrome.i18n.getUILanguage())).toBe('fr-CA');
  await expect(options.getByRole('button', { name: SIGN_IN })).toBeVisible();
  await expect(options).toHaveTitle('Options de Clio Companion');
  expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
  await expect(options.getByText('Où se trouve le compte Clio de votre cabinet')).toBeVisible();
  await screenshot(options, 'fr-options-signed-out');

  const popup = await openPopup(extensionPage);
  await expect(popup.getByText('Connectez votre compte Clio pour saisir votre temps depuis n’importe quelle page.')).toBeVisible();
  await screenshot(popup, 'fr-popup-signed-out');
});

test('options and popup, signed in: French labels, a running timer, Today', async ({ extensionPage }) => {
  test.setTimeout(120_000);
  await signedIn(extensionPage, { button: SIGN_IN });
  await connectGrow(extensionPage, { connect: 'Connecter Clio Grow', disconnect: 'Déconnecter Clio Grow' });
  const options = await extensionPage('options.html');
  await expect(options.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(options.getByRole('heading', { name: 'Rappels et arrêts automatiques' })).toBeVisible();
  await screenshot(options, 'fr-options');

  const [matter] = await sandbox.matters();
  const popup = await openPopup(extensionPage);
  await expect(popup.getByRole('tab', { name: 'Minuterie' })).toBeVisible();
  await pickMatter(popup, matter!.display_number, MATTER);
  await popup.getByRole('button', { name: 'Démarrer la minuterie' }).click();
  await expect(popup.getByRole('button', { name: 'Arrêter la minuterie' })).toBeVisible();
  // A time of day in Canadian French ("14 h 05"), not "2:05 PM".
  await expect(popup.getByText(/^Démarrée à \d{1,2}\sh\s\d{2}$/)).toBeVisible();
  await screenshot(popup, 'fr-popup-timer');

  // The four tabs fit the popup on one line: none wraps, none runs past the edge.
  const tabs = await popup.getByRole('tablist').evaluate((list) => ({
    overflow: list.scrollWidth - list.clientWidth,
    lines: new Set([...list.children].map((tab) => tab.getBoundingClientRect().height)).size,
    height: list.children[0]!.getBoundingClientRect().height,
  }));
  expect(tabs).toEqual({ overflow: 0, lines: 1, height: expect.any(Number) });
  expect(tabs.height).toBeLessThan(40);
  await popup.getByRole('tab', { name: 'Temps' }).click();
  await expect(popup.getByRole('button', { name: 'Enregistrer l’entrée de temps' })).toBeVisible();
  await screenshot(popup, 'fr-popup-time-entry');
  await popup.getByRole('tab', { name: 'Dépense' }).click();
  await expect(popup.getByRole('button', { name: 'Enregistrer la dépense' })).toBeVisible();
  await expect(popup.getByLabel('Montant', { exact: true })).toHaveAttribute('placeholder', '12,50');
  await screenshot(popup, 'fr-popup-expense');
  await popup.getByRole('tab', { name: 'Aujourd’hui' }).click();
  await expect(popup.getByRole('region', { name: 'Aujourd’hui' })).toBeVisible();
  await screenshot(popup, 'fr-popup-today');
});

test('the side panel in French: search, a matter’s detail, its sections', async ({ extensionPage }) => {
  await signedIn(extensionPage, { button: SIGN_IN });
  const [matter] = await sandbox.matters();
  const panel = await sidePanel(extensionPage);
  await openMatterDetail(panel, matter!.display_number, {
    synced: /Synchronisé (à l’instant|il y a \d+ min)/,
    search: 'Chercher des dossiers',
    list: 'Dossiers',
  });
  await expect(panel.getByText('Avocat responsable')).toBeVisible();
  // The day it was opened in French ("4 déc. 2018"), not Clio's 2018-12-04.
  await expect(panel.getByText(/^\d{1,2} \p{L}+\.? \d{4}$/u)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Démarrer la minuterie' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copier le numéro' })).toBeVisible();
  await screenshot(panel, 'fr-sidepanel-detail');
  await panel.getByRole('button', { name: 'Échéances' }).click();
  await expect(panel.getByRole('region', { name: 'Échéances' }).getByText('Tâches ouvertes')).toBeVisible();
  await screenshot(panel, 'fr-sidepanel-deadlines');
});

test('the Billing section in French: bills, money and days in fr-CA, the payment link form', async ({ extensionPage }) => {
  await signedIn(extensionPage, { button: SIGN_IN });
  const [billed] = (await (await fetch(`${E2E_SANDBOX}/__admin/billing/matters?limit=1`)).json()) as Array<{ display_number: string }>;
  const panel = await sidePanel(extensionPage);
  await panel.setViewportSize({ width: 400, height: 900 });
  await openMatterDetail(panel, billed!.display_number, {
    synced: /Synchronisé (à l’instant|il y a \d+ min)/,
    search: 'Chercher des dossiers',
    list: 'Dossiers',
  });
  await panel.getByRole('button', { name: 'Facturation', exact: true }).click();
  const bills = panel.getByRole('list', { name: 'Factures impayées' });
  await expect(bills.getByRole('listitem')).toHaveCount(2);
  // "Facture 1042", "1 234,50 $ US", "Émise le 5 janv. 2027".
  await expect(bills.getByRole('listitem').first()).toContainText(/Facture \S+/);
  await expect(bills.getByRole('listitem').first()).toContainText(/\d,\d{2}\s\$/);
  await expect(bills.getByRole('listitem').first()).toContainText(/Émise le \d{1,2} \p{L}+\.? \d{4}/u);
  await screenshot(panel, 'fr-sidepanel-billing');
  await panel.getByRole('button', { name: 'Demander un paiement' }).click();
  await expect(panel.getByRole('form', { name: 'Demander un paiement' }).getByRole('button', { name: 'Créer le lien de paiement' })).toBeVisible();
  await screenshot(panel, 'fr-sidepanel-payment-link');
});

test('the three dialogs over a page in French: capture, Save to Clio, Add deadline', async ({ context, worker, extensionPage }) => {
  test.setTimeout(120_000);
  await signedIn(extensionPage, { button: SIGN_IN });
  await connectGrow(extensionPage, { connect: 'Connecter Clio Grow', disconnect: 'Déconnecter Clio Grow' });
  const [matter] = await sandbox.matters();

  const contact = await openPage(context, 'contact');
  await rightClickCapture(worker, contact, await select(contact, '#message'));
  const capture = (await dialogFrame(contact, 'capture-window')).getByRole('dialog', { name: 'Saisir un prospect' });
  await expect(capture).toBeVisible();
  await expect(field(capture, 'Prénom')).toHaveValue('Adaeze');
  await expect(capture.getByRole('button', { name: 'Envoyer à Clio Grow' })).toBeVisible();
  await screenshot(contact, 'fr-capture');

  const docket = await openPage(context, 'docket');
  await rightClickMenu(worker, docket, 'file-to-matter', '');
  const save = (await dialogFrame(docket, 'save-window')).getByRole('dialog', { name: 'Enregistrer dans Clio' });
  await expect(save).toBeVisible();
  await pickMatter(save, matter!.display_number, MATTER);
  await expect(save.getByRole('checkbox', { name: 'Enregistrer une copie de la page' })).toBeChecked();
  // The copy's size in French units: "12 ko".
  await expect(save.getByText(/Une copie de la page \(\d+\s?ko\) est prête/)).toBeVisible();
  await screenshot(docket, 'fr-save-to-clio');
  await docket.close(); // the menu's click goes to the first tab showing the address

  const hearing = await openPage(context, 'docket');
  await rightClickMenu(worker, hearing, 'add-deadline', await select(hearing, 'table'));
  const deadline = (await dialogFrame(hearing, 'deadline-window')).getByRole('dialog', { name: 'Ajouter une échéance' });
  await expect(deadline).toBeVisible();
  await pickMatter(deadline, matter!.display_number, MATTER);
  await expect(deadline.getByRole('button', { name: 'Ajouter à Clio' })).toBeVisible();
  // Dates read from the page are said in French words ("mardi 5 janvier 2027").
  await expect(deadline.getByText(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}+ \d{4}/u).first()).toBeVisible();
  await screenshot(hearing, 'fr-add-deadline');
});

test.describe('the first-run setup', () => {
  test.use({ keepSetupTab: true });

  test('opens in French on install', async ({ setupTab: setup }) => {
    await expect(setup.getByRole('heading', { level: 1, name: 'Configurer Clio Companion' })).toBeVisible();
    await expect(setup).toHaveTitle('Configurer Clio Companion');
    await expect(setup.locator('#setup-step-h')).toHaveText('Étape 1 sur 3\u00a0: Connexion');
    await expect(setup.getByRole('list', { name: 'Étapes de la configuration' }).getByRole('listitem')).toHaveText(['Connexion', 'Clio Grow', 'Visite']);
    await expect(setup.getByRole('button', { name: SIGN_IN })).toBeVisible();
    await setup.setViewportSize({ width: 900, height: 700 });
    await screenshot(setup, 'fr-setup-sign-in');
  });
});
