/** Is an address a PDF's, and what file name does it give? Pure (the background fetches the bytes). */

/** A PDF by its address: a path ending in .pdf (a server that names it otherwise is found by its bytes). */
export function looksLikePdf(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/** `name` without what file systems refuse (\ / : * ? " < > | and control characters), spaces collapsed. */
export function cleanFileName(name: string): string {
  const out = [...name].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('');
  return out.replace(/\s+/g, ' ').trim();
}

/** The PDF's file name from its address ("order-2026-11.pdf"), or "document.pdf". */
export function pdfFileName(url: string): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    const clean = cleanFileName(last);
    if (clean) return /\.pdf$/i.test(clean) ? clean : `${clean}.pdf`;
  } catch {
    /* fall through */
  }
  return 'document.pdf';
}

/** Do these bytes start like a PDF ("%PDF-")? */
export function hasPdfMagic(head: Uint8Array): boolean {
  return head.length >= 5 && head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d;
}
