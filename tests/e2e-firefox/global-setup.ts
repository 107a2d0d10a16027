/** One sandbox for the whole Firefox suite (tests reset it), and a check that the build under test points at it. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH, FIREFOX_SANDBOX, FIREFOX_SANDBOX_PORT } from './ports';

let sandbox: Sandbox | undefined;
let profiles: string | undefined;

declare module 'vitest' {
  interface ProvidedContext {
    /** Where this run's Firefox profiles go (removed when the run ends). */
    firefoxProfiles: string;
  }
}

export async function setup({ provide }: TestProject): Promise<void> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr (or set FIREFOX_PATH).`);
  const manifestPath = resolve(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run npm run build:test:firefox first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { manifest_version: number; browser_specific_settings?: object };
  // The server is built in (WXT_CLIO_SERVER): some script of the build names it.
  const scripts = readdirSync(FIREFOX_EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const pointsAtSandbox = scripts.some((f) => readFileSync(resolve(FIREFOX_EXTENSION_DIR, f), 'utf8').includes(FIREFOX_SANDBOX));
  if (manifest.manifest_version !== 3 || !manifest.browser_specific_settings || !pointsAtSandbox)
    throw new Error(`${FIREFOX_EXTENSION_DIR} is not a Firefox MV3 build for ${FIREFOX_SANDBOX}: run npm run build:test:firefox.`);
  sandbox = await startSandbox({ port: FIREFOX_SANDBOX_PORT });
  profiles = mkdtempSync(join(tmpdir(), 'clio-e2e-firefox-'));
  provide('firefoxProfiles', profiles);
}

export async function teardown(): Promise<void> {
  await sandbox?.close();
  if (profiles) rmSync(profiles, { recursive: true, force: true });
}
