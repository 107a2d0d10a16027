/**
 * A PDF's bytes, fetched by the background: the tab's PDF (the click's activeTab grant covers its origin) or a
 * linked one. Checked to be a PDF by its first bytes, and refused over the size cap before it is kept.
 */
import { appError } from '../errors';
import { t } from '../i18n';
import { sizeProblem } from './bytes-store';
import { hasPdfMagic } from './pdf-source';

export async function fetchPdf(url: string, maxBytes: number, fetcher: typeof fetch = fetch): Promise<Blob> {
  let res: Response;
  try {
    res = await fetcher(url, { credentials: 'include', redirect: 'follow' });
  } catch {
    throw appError('network', t('pdfUnreachable', originOf(url)));
  }
  if (!res.ok) throw appError('network', t('pdfUnreadable', `${res.status}`));
  const caps = { file: maxBytes, waiting: Number.POSITIVE_INFINITY };
  const announced = sizeProblem(Number(res.headers.get('content-length') ?? 0), 0, caps);
  if (announced) throw announced;
  const blob = await res.blob();
  const read = sizeProblem(blob.size, 0, caps);
  if (read) throw read;
  if (!hasPdfMagic(new Uint8Array(await blob.slice(0, 5).arrayBuffer()))) throw appError('bad-request', t('notAPdf'));
  return blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
