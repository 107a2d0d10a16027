/**
 * The capture dialog on a hostile page (sandbox/pages/keylogger.html), with the build that ships: the page
 * listens to every key and input on window and document in the capture phase, watches the whole DOM, keeps
 * trying to read, fill and press the form, and can draw a see-through layer over the dialog. What a person
 * types lives in the extension's frame: none of it reaches the page, and the page cannot get a lead sent.
 */
import { captureDialog, captureFrame, expectClosed, field, openPage, rightClickCapture, select } from './capture-helpers';
import { connectGrow, expect, screenshot, test } from './fixtures';
import { sandbox } from './sandbox-admin';

const SECRET = 'conflict: Acme v. Smith';

test('nothing typed into the dialog reaches the page, and the page cannot press Send', async ({ context, worker, extensionPage }) => {
  await connectGrow(extensionPage);
  const page = await openPage(context, 'keylogger');
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await expect(field(dialog, 'Email')).toHaveValue('dana.whitfield@example.org');
  await expect(field(dialog, 'First name')).toBeFocused();

  // A person types, key by key, into the fields the page would most like to read.
  await field(dialog, 'Message').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(SECRET, { delay: 5 });
  await field(dialog, 'Last name').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Whitfield-Acme', { delay: 5 });
  await expect(field(dialog, 'Message')).toHaveValue(SECRET);
  // The page has had time to try everything, many times over.
  await page.waitForTimeout(1_000);

  const seen = (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).join('\n');
  for (const typed of ['Acme', 'conflict', 'Whitfield-Acme']) expect(seen).not.toContain(typed);
  // It saw no key the person pressed (only the ones it made up): they all went to the frame's own document.
  expect(seen).not.toMatch(/^(?:key(?:down|up|press)|input|beforeinput):trusted/m);
  expect(seen).toMatch(/^keydown:synthetic:Enter/m);
  // It could not look inside: the host's root is closed, the frame's document is another origin's.
  expect(seen).not.toMatch(/^shadow:/m);
  expect(seen).not.toMatch(/^frame-text:/m);
  // The form kept what the person typed, not what the page tried to put there.
  await expect(field(dialog, 'Message')).toHaveValue(SECRET);
  expect((await sandbox.state()).leads).toHaveLength(0);

  // Only the person's click sends, once.
  await dialog.getByRole('button', { name: 'Send to Clio Grow' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  const { leads } = await sandbox.state();
  expect(leads).toHaveLength(1);
  expect(leads[0]).toMatchObject({ from_message: SECRET, last_name: 'Whitfield-Acme' });
  const after = (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).join('\n');
  expect(after).not.toContain('Acme');
});

test('a layer the page draws over the dialog holds Send, and says why; a click through it sends nothing', async ({ context, worker, extensionPage }) => {
  await connectGrow(extensionPage);
  const page = await openPage(context, 'keylogger');
  await rightClickCapture(worker, page, await select(page, '#message'));
  const dialog = await captureDialog(page);
  await field(dialog, 'Last name').fill('Whitfield');
  const send = dialog.getByRole('button', { name: 'Send to Clio Grow' });
  await expect(send).toBeEnabled();

  // See-through, and clicks pass through it to the dialog underneath: the classic clickjacking layer.
  await page.evaluate(() => (window as unknown as { cover(through: boolean): void }).cover(true));
  await expect(send).toBeDisabled();
  await expect(dialog.getByText(/covering the dialog, so sending waits/)).toBeVisible();
  // The page is hostile on purpose (it draws a see-through layer over the dialog): axe checks our frame only.
  await screenshot(page, 'capture-covered', { axe: 'extension' });
  const box = (await send.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(500);
  expect((await sandbox.state()).leads).toHaveLength(0);

  // Once nothing covers it, Send works again.
  await page.evaluate(() => (window as unknown as { uncover(): void }).uncover());
  await expect(send).toBeEnabled();
  await expect(dialog.getByText(/covering the dialog/)).toBeHidden();
  await send.click();
  await expect(dialog.getByRole('status')).toContainText('Sent to Clio Grow');
  expect((await sandbox.state()).leads).toHaveLength(1);
});

test('the dialog page shows nothing without a valid one-time id, and a page cannot frame it by the extension id', async ({
  context,
  worker,
  extensionId,
  extensionPage,
}) => {
  const page = await openPage(context, 'keylogger');
  await rightClickCapture(worker, page, await select(page, '#message'));
  const frame = await captureFrame(page);
  await expect(frame.getByRole('dialog', { name: 'Capture lead' })).toBeVisible();
  // The id is good once: the same frame reloaded gets nothing from the background, shows nothing, and goes.
  await frame.evaluate(() => location.reload());
  await expectClosed(page);
  expect(await page.locator('clio-capture-lead').count()).toBe(0);

  // The page itself cannot frame the dialog page by the extension's id (it is served to pages only at Chrome's
  // dynamic URL); and framed with a made-up id (here by an extension page), it shows nothing.
  const byId = `chrome-extension://${extensionId}/capture-window.html?id=x`;
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
  }, byId);
  await expect.poll(() => page.frames().length).toBe(2);
  await expect.poll(() => page.frames()[1]!.url()).toMatch(/^chrome-error:/);

  const host = await extensionPage('options.html');
  await host.evaluate(() => {
    const f = document.createElement('iframe');
    f.src = '/capture-window.html?id=00000000-0000-4000-8000-000000000000';
    f.style.cssText = 'width:440px;height:300px';
    document.body.prepend(f);
  });
  const guessed = host.frames()[1]!;
  await expect.poll(() => guessed.evaluate(() => document.readyState).catch(() => 'loading')).toBe('complete');
  await host.waitForTimeout(500);
  expect(await guessed.evaluate(() => document.getElementById('app')?.childElementCount)).toBe(0);
  expect(await guessed.getByRole('dialog').count()).toBe(0);
});
