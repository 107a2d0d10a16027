/** Acting in Clio as the signed-in user would in Clio's own web app: the API with the extension's token, read in the worker. */
import type { Worker } from '@playwright/test';
import { E2E_SANDBOX } from './ports';

export function clioAsUser(worker: Worker, method: string, path: string, body?: unknown): Promise<unknown> {
  return worker.evaluate(
    async ({ method, url, body }) => {
      const req = indexedDB.open('clio-companion-secrets', 1);
      const db: IDBDatabase = await new Promise((r) => (req.onsuccess = () => r(req.result)));
      const tokens: { accessToken: string } = await new Promise((r) => {
        const g = db.transaction('secrets').objectStore('secrets').get('manage-tokens');
        g.onsuccess = () => r(g.result);
      });
      const res = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${tokens.accessToken}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return res.status === 204 ? null : res.json();
    },
    { method, url: `${E2E_SANDBOX}/api/v4${path}`, body },
  );
}
