/**
 * Step 2 of the upload: the bytes PUT to a version's put_url, on the storage host apart from Clio's API. The
 * request carries every `put_headers` header and nothing of ours: no Authorization, no Accept, no API version.
 * It is not a Clio API request (no token, no Clio rate limit), so it does not go through limitedFetch.
 */
import type { PutTarget } from './upload-machine';

export type PutResult = 'ok' | 'expired' | 'failed' | 'refused';

const TIMEOUT_MS = 120_000;

export async function putBytes(target: PutTarget, bytes: Blob, fetchFn: typeof fetch = fetch): Promise<PutResult> {
  const headers = new Headers();
  for (const h of target.headers) headers.set(h.name, h.value);
  let res: Response;
  try {
    res = await fetchFn(target.url, {
      method: 'PUT',
      headers,
      body: bytes.slice(target.offset, target.offset + target.size),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return 'failed';
  }
  if (res.ok) return 'ok';
  const text = await res.text().catch(() => '');
  // S3 (and the sandbox) answer 403 "Request has expired" for a put_url past its time.
  if (res.status === 403 && /expired/i.test(text)) return 'expired';
  if (res.status >= 500 || res.status === 429) return 'failed';
  return 'refused';
}
