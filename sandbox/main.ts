/**
 * The sandbox CLI: `npx tsx sandbox/main.ts [--port 4010] [--host 127.0.0.1] [--matters 3000]
 * [--rate-limit 50] [--access-token-ttl 2592000] [--seed 1]`. SANDBOX_PORT also sets the port.
 */
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, LEAD_INBOX_TOKEN, MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from './credentials';
import { startSandbox, type SandboxOptions } from './server';

function parseArgs(argv: string[]): SandboxOptions {
  const opts: SandboxOptions = {};
  if (process.env.SANDBOX_PORT) opts.port = Number(process.env.SANDBOX_PORT);
  const numeric: Record<string, keyof SandboxOptions> = {
    '--port': 'port',
    '--matters': 'matters',
    '--rate-limit': 'rateLimit',
    '--access-token-ttl': 'accessTokenTtl',
    '--seed': 'seed',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (flag === '--host' && value) {
      opts.host = value;
      continue;
    }
    const key = numeric[flag];
    if (!key || value === undefined || !Number.isFinite(Number(value))) {
      console.error(`Unknown or incomplete option ${argv[i] ?? flag}. Options: --port --host --matters --rate-limit --access-token-ttl --seed`);
      process.exit(2);
    }
    (opts as Record<string, number>)[key] = Number(value);
  }
  return opts;
}

const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
console.log(`Clio sandbox running at ${sandbox.origin}
  Manage OAuth   ${sandbox.origin}/oauth/authorize   client_id ${MANAGE_CLIENT_ID}   client_secret ${MANAGE_CLIENT_SECRET}
  Manage API     ${sandbox.origin}/api/v4/
  Grow OAuth     ${sandbox.origin}/grow/oauth/authorize   client_id ${GROW_CLIENT_ID}   client_secret ${GROW_CLIENT_SECRET}
  Grow API       ${sandbox.origin}/grow/
  Lead Inbox     ${sandbox.origin}/inbox_leads   inbox_lead_token ${LEAD_INBOX_TOKEN}
  Admin          ${sandbox.origin}/__admin/{reset,faults,tokens,config,log,state}`);

let closing = false;
const stop = (): void => {
  if (closing) return;
  closing = true;
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
