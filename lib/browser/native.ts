/**
 * The browser's own extension API, without webextension-polyfill's proxy: Chrome's MV3 API and
 * Firefox's `browser` both answer with promises already. The popup build resolves `wxt/browser` here
 * (wxt.config.ts): the polyfill costs it 3 kB and a few milliseconds before its first paint.
 */
import type { browser as polyfilled } from '@wxt-dev/webextension-polyfill/browser';

type Api = typeof polyfilled;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };

export const browser: Api = (g.browser?.runtime?.id ? g.browser : g.chrome)!;
