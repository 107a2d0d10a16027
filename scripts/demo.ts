/**
 * The demo: starts the sandbox, builds the extension against it with the sandbox's demo app,
 * and opens Chromium with the extension loaded (when there is a display to open it on).
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { buildForSandbox } from './build-for-sandbox';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const sandbox = await startSandbox({ port });
console.log(`Sandbox Clio running at ${sandbox.origin} (open it for the demo user and the pages to try capture on)`);

buildForSandbox(port, '.output');
const extensionDir = resolve('.output/chrome-mv3');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';

// Chromium runs in its own sandbox: Playwright starts it with --no-sandbox (and Chromium then shows a warning bar about
// it) unless `chromiumSandbox` is set. As root Chromium refuses to start sandboxed, so there it goes without, and says so.
const asRoot = process.getuid?.() === 0;

let close = async () => {};
if (hasDisplay && existsSync(chromiumPath)) {
  if (asRoot)
    console.log(
      'Running as root: Chromium will not start in its sandbox as root, so it starts without it (--no-sandbox) and shows a warning bar about that. Run the demo as an ordinary user to keep the sandbox.',
    );
  const context = await chromium.launchPersistentContext(resolve('.output/demo-profile'), {
    executablePath: chromiumPath,
    headless: false,
    chromiumSandbox: !asRoot,
    viewport: null,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-first-run'],
  });
  const [sw] = context.serviceWorkers();
  const worker = sw ?? (await context.waitForEvent('serviceworker'));
  const id = worker.url().split('/')[2];
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/options.html`);
  console.log('Chromium is open with the extension. Click "Sign in with Clio", then "Approve".');
  close = () => context.close();
} else {
  console.log(
    [
      hasDisplay ? `No Chromium at ${chromiumPath} (set CHROMIUM_PATH).` : 'No display here, so no browser was opened.',
      `Load the extension by hand: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${extensionDir}`,
      'Then open its options page and click "Sign in with Clio".',
    ].join('\n'),
  );
}
console.log('Press Ctrl-C to stop the sandbox.');
const stop = async () => {
  await close().catch(() => undefined);
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
