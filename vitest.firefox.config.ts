/**
 * The Firefox end-to-end suite (`npm run test:e2e:firefox`): stock Firefox driven by puppeteer-core over
 * WebDriver BiDi, the extension's Firefox MV3 build, one sandbox for the whole run. The unit tests'
 * vitest.config.ts includes tests/unit only, so it never picks these up.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    // One sandbox, reset between tests, and one Firefox for the run: the files run one after another in one
    // worker, which keeps the Firefox it launched (fixtures.ts useFirefox).
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
    retry: process.env.CI ? 1 : 0,
  },
});
