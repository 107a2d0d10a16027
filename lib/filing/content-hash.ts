/** A file's content hash: SHA-256 (crypto.subtle), lower-case hex. It names a document's bytes in Clio and locally. */
export async function sha256Hex(bytes: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const buffer = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes;
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
