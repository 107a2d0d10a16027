/**
 * Builds the extension pointed at a local sandbox, with the sandbox's demo app credentials: the build that
 * ships, but for the server origin and the app credentials (the demo, the e2e tests and the bench all use it).
 * `--no-app` leaves the apps out (no WXT_CLIO_CLIENT_ID/SECRET nor Grow's): a build for one server whose firm enters
 * its own app, as a firm's IT would build it; the first-run setup then asks for the app (tests/e2e/first-run.spec.ts).
 * `npx tsx scripts/build-for-sandbox.ts --port 4011 --out .output/e2e [--browser firefox] [--no-app]`
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '../sandbox/credentials';

export function buildForSandbox(port: number, outDir: string, browser = 'chrome', quiet = false, withApp = true): void {
  const app = (value: string) => (withApp ? value : '');
  execFileSync('npx', ['wxt', 'build', '-b', browser, ...(browser === 'firefox' ? ['--mv3'] : [])], {
    stdio: quiet ? 'ignore' : 'inherit',
    env: {
      ...process.env,
      WXT_OUT_DIR: outDir,
      WXT_CLIO_SERVER: `http://127.0.0.1:${port}`,
      // The sandbox's upload host: another loopback address on the same port (sandbox/README.md).
      WXT_CLIO_UPLOAD_ORIGINS: `http://127.0.0.2:${port}`,
      WXT_CLIO_CLIENT_ID: app(MANAGE_CLIENT_ID),
      WXT_CLIO_CLIENT_SECRET: app(MANAGE_CLIENT_SECRET),
      WXT_GROW_CLIENT_ID: app(GROW_CLIENT_ID),
      WXT_GROW_CLIENT_SECRET: app(GROW_CLIENT_SECRET),
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      out: { type: 'string', default: '.output' },
      browser: { type: 'string', default: 'chrome' },
      'no-app': { type: 'boolean', default: false },
    },
  });
  buildForSandbox(Number(values.port), values.out!, values.browser!, false, !values['no-app']);
}
