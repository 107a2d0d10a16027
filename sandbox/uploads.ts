/**
 * The upload host: the signed, expiring `put_url`s the Manage API hands out for a document version, and the
 * endpoint (on its own origin, apart from the API's, as real Clio's storage host is) that takes the bytes.
 * It checks the signature and expiry, every `put_headers` header, and refuses a bearer token: a client that
 * sends its Clio token or leaves a header out is refused as the real storage host would refuse it.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DocumentVersion, FilingDb } from './filing-model';
import type { Reply } from './http-utils';

/** How long a put_url is good for (the spec: "It expires in 10 minutes"). */
export const PUT_URL_TTL_MS = 10 * 60_000;
/** Headers the upload host allows a browser to send (CORS preflight). */
export const UPLOAD_CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, x-amz-server-side-encryption, Authorization',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '600',
};

export interface PutTarget {
  put_url: string;
  put_headers: Array<{ name: string; value: string }>;
}

export class UploadSigner {
  /** The upload host's origin, set once its listener is up. */
  origin = '';
  private readonly secret = randomBytes(16).toString('hex');

  /** `faults` holds the `expiredPutUrls` count: that many put_urls handed out next are already expired. */
  constructor(private readonly faults: () => { expiredPutUrls: number }) {}

  private sign(uuid: string, part: number, expires: number): string {
    return createHmac('sha256', this.secret).update(`${uuid}/${part}/${expires}`).digest('hex');
  }

  /** A put_url for a version (part 0: the whole file), and the headers the PUT must carry. */
  target(v: DocumentVersion, part: number, now: number): PutTarget {
    let expires = now + PUT_URL_TTL_MS;
    const faults = this.faults();
    if (faults.expiredPutUrls > 0) {
      faults.expiredPutUrls--;
      expires = now - 1000;
    }
    const q = new URLSearchParams({ expires: String(expires), signature: this.sign(v.uuid, part, expires) });
    if (part > 0) q.set('part_number', String(part));
    return { put_url: `${this.origin}/uploads/${v.uuid}?${q}`, put_headers: headersFor(v) };
  }

  /** Checks a PUT's address: the version and part it is for, or why it is refused. */
  verify(url: URL, now: number): { uuid: string; part: number } | { status: number; code: string; message: string } {
    const m = /^\/uploads\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (!m) return { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' };
    const uuid = m[1]!;
    const part = Number(url.searchParams.get('part_number') ?? '0');
    const expires = Number(url.searchParams.get('expires'));
    const signature = url.searchParams.get('signature') ?? '';
    if (!Number.isInteger(part) || !Number.isFinite(expires) || signature !== this.sign(uuid, part, expires)) {
      return { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
    }
    if (expires < now) return { status: 403, code: 'AccessDenied', message: 'Request has expired' };
    return { uuid, part };
  }
}

/** What every PUT to a version's put_url must carry. */
export function headersFor(v: DocumentVersion): Array<{ name: string; value: string }> {
  return [
    { name: 'Content-Type', value: v.contentType },
    { name: 'x-amz-server-side-encryption', value: 'AES256' },
  ];
}

const s3Error = (status: number, code: string, message: string): Reply => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  contentType: 'application/xml',
});

export function findVersion(filing: FilingDb, uuid: string): DocumentVersion | undefined {
  for (const d of filing.documents.values()) {
    const v = d.versions.find((x) => x.uuid === uuid);
    if (v) return v;
  }
  return undefined;
}

/** A PUT to the upload host: the bytes go to the version (or the part) its signed address names. */
export function handleUpload(
  req: { method: string; url: URL; headers: IncomingMessage['headers']; body: Buffer },
  filing: FilingDb,
  signer: UploadSigner,
  now: number,
): Reply {
  if (req.method !== 'PUT') return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  if (req.headers.authorization !== undefined) {
    return s3Error(
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  const addressed = signer.verify(req.url, now);
  if ('status' in addressed) return s3Error(addressed.status, addressed.code, addressed.message);
  const v = findVersion(filing, addressed.uuid);
  if (!v) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
  for (const h of headersFor(v)) {
    const got = req.headers[h.name.toLowerCase()];
    if (got !== h.value)
      return s3Error(403, 'SignatureDoesNotMatch', `The header ${h.name} was signed as "${h.value}" but the request carries "${String(got ?? '')}".`);
  }
  if (v.fullyUploaded) return s3Error(403, 'AccessDenied', 'This version is already complete.');
  if (addressed.part === 0) {
    if (v.parts.size > 0) return s3Error(400, 'InvalidRequest', 'This version is uploaded in parts: PUT each part to its own put_url.');
    v.bytes = req.body;
  } else {
    const part = v.parts.get(addressed.part);
    if (!part) return s3Error(400, 'InvalidPart', `Part ${addressed.part} was not declared.`);
    if (req.body.length !== part.contentLength) {
      return s3Error(400, 'IncompleteBody', `Part ${addressed.part} was declared as ${part.contentLength} bytes; ${req.body.length} arrived.`);
    }
    part.bytes = req.body;
  }
  v.updatedAt = now;
  v.rev++;
  return { status: 200, headers: { ETag: `"${createHash('md5').update(req.body).digest('hex')}"` } };
}
