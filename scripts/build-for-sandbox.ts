/**
 * Builds the extension pointed at a local sandbox, with the sandbox's demo app credentials: the build that
 * ships, but for the server origin and the app credentials (the demo, the e2e tests and the bench all use it).
 * `npx tsx scripts/build-for-sandbox.ts --port 4011 --out .output/e2e [--browser firefox]`
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '../sandbox/credentials';

export function buildForSandbox(port: number, outDir: string, browser = 'chrome', quiet = false): void {
  execFileSync('npx', ['wxt', 'build', '-b', browser, ...(browser === 'firefox' ? ['--mv3'] : [])], {
    stdio: quiet ? 'ignore' : 'inherit',
    env: {
      ...process.env,
      WXT_OUT_DIR: outDir,
      WXT_CLIO_SERVER: `http://127.0.0.1:${port}`,
      // The sandbox's upload host: another loopback address on the same port (sandbox/README.md).
      WXT_CLIO_UPLOAD_ORIGINS: `http://127.0.0.2:${port}`,
      WXT_CLIO_CLIENT_ID: MANAGE_CLIENT_ID,
      WXT_CLIO_CLIENT_SECRET: MANAGE_CLIENT_SECRET,
      WXT_GROW_CLIENT_ID: GROW_CLIENT_ID,
      WXT_GROW_CLIENT_SECRET: GROW_CLIENT_SECRET,
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      out: { type: 'string', default: '.output' },
      browser: { type: 'string', default: 'chrome' },
    },
  });
  buildForSandbox(Number(values.port), values.out!, values.browser!);
}
