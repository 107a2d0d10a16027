/**
 * The rate limiter against the sandbox at Clio's 50 requests/minute: a burst of N requests
 * through the real limiter and client; how many Clio answered 429, and how much of the allowed
 * rate the limiter used while work waited.
 */
import { startSandbox } from '../../sandbox/server';
import { ClioClient } from '../../lib/clio/client';
import { RateLimiter } from '../../lib/clio/rate-limiter';
import type { LimiterState } from '../../lib/clio/rate-window';
import { sandboxAccessToken } from '../../sandbox/approve-over-http';

export interface LimiterFigures {
  requests: number;
  answered429: number;
  seconds: number;
  /** Requests sent per window as a share of the limit, from the first send to the last. */
  utilisation: number;
}

export async function benchRateLimiter(burst: number, limit = 50): Promise<LimiterFigures> {
  const sandbox = await startSandbox({ port: 0, rateLimit: limit });
  try {
    const token = await sandboxAccessToken(sandbox.origin);
    let state: LimiterState | undefined;
    const limiter = new RateLimiter({ store: { load: async () => state, save: async (s) => void (state = s) }, defaultLimit: limit });
    const client = new ClioClient({
      session: { accessToken: async () => token, tokenRejected: async () => token },
      limiter,
      apiBase: async () => `${sandbox.origin}/api/v4`,
    });
    await fetch(`${sandbox.origin}/__admin/log`, { method: 'DELETE' });
    const started = Date.now();
    let done = 0;
    let shown = -1;
    const progress = setInterval(() => {
      const line = `  limiter burst: ${done}/${burst} answered after ${Math.round((Date.now() - started) / 1000)} s`;
      if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
      else if (done !== shown) console.log(line);
      shown = done;
    }, 1000);
    await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        client.get('/matters.json', { query: { limit: 1, ids: [i + 1] }, fields: 'id', priority: i % 2 ? 'background' : 'interactive' }).then(() => done++),
      ),
    );
    clearInterval(progress);
    process.stdout.write('\n');
    const log = (await (await fetch(`${sandbox.origin}/__admin/log`)).json()) as Array<{ at: string; status: number; path: string }>;
    const api = log.filter((r) => r.path.startsWith('/api/v4'));
    const times = api.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
    const spanMin = (times.at(-1)! - times[0]!) / 60_000;
    return {
      requests: api.length,
      answered429: api.filter((r) => r.status === 429).length,
      seconds: (Date.now() - started) / 1000,
      utilisation: burst / ((spanMin + 1) * limit),
    };
  } finally {
    await sandbox.close();
  }
}
