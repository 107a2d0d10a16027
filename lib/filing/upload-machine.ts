/**
 * A document's upload as a resumable state machine. Pure: what to do next, and where an outcome leads.
 *
 *   create ─ok→ put (each part) ─all done→ finish ─ok→ done
 *     │ may have reached Clio          │ put_url expired → refresh ─→ put
 *     └→ look (by the content hash) ─found complete→ done · found incomplete→ refresh · none→ create
 *   finish ─may have reached Clio→ check ─complete→ done · incomplete→ finish (or refresh when bytes are missing)
 *
 * The state is stored after every step (with `inFlight` set before a create or a finish is sent), so an upload
 * interrupted anywhere, even by the worker dying, resumes: a create that may have reached Clio is looked for by
 * its hash, a finish that may have is checked, a PUT is simply sent again (PUTs replace). A fresh put_url comes
 * from reading the document again (a version's put_url is signed anew each time it is shown).
 */

export interface PutHeader {
  name: string;
  value: string;
}

/** What Clio shows of a document's latest version. */
export interface VersionView {
  documentId: number;
  uuid: string;
  fullyUploaded: boolean;
  putUrl: string;
  putHeaders: PutHeader[];
  multiparts: Array<{ partNumber: number; putUrl: string; putHeaders: PutHeader[] }>;
}

/** One PUT: the whole file (part 0) or a part, its bytes `[offset, offset + size)`. */
export interface PutTarget {
  part: number;
  offset: number;
  size: number;
  url: string;
  headers: PutHeader[];
}

export interface DocRef {
  id: number;
  uuid: string;
}

export type UploadState =
  | { step: 'create'; inFlight?: boolean }
  | { step: 'look' }
  | { step: 'put'; doc: DocRef; targets: PutTarget[]; done: number[] }
  | { step: 'refresh'; doc: DocRef; done: number[] }
  | { step: 'finish'; doc: DocRef; inFlight?: boolean }
  | { step: 'check'; doc: DocRef }
  | { step: 'done'; documentId: number };

export type UploadAction =
  | { do: 'create'; parts: Array<{ part: number; size: number }> }
  | { do: 'look' }
  | { do: 'put'; target: PutTarget }
  | { do: 'refresh'; doc: DocRef }
  | { do: 'finish'; doc: DocRef }
  | { do: 'check'; doc: DocRef }
  | { do: 'nothing'; documentId: number };

export type UploadOutcome =
  | { to: 'create'; ok: true; version: VersionView }
  | { to: 'create'; ok: false; mayHaveReached: boolean }
  | { to: 'look'; found: VersionView | null }
  | { to: 'put'; part: number; result: 'ok' | 'expired' | 'failed' }
  | { to: 'refresh'; version: VersionView }
  | { to: 'finish'; result: 'ok' | 'incomplete' | 'already-complete' | 'uncertain' | 'failed' }
  | { to: 'check'; fullyUploaded: boolean };

/** Parts are 5 MB (Clio: "at least 5 MB in size, except the last part"); a file up to one part goes whole. */
export const PART_BYTES = 5 * 1024 * 1024;
/** Clio handles at most 50 multiparts a request; the size cap keeps a file within one request (10 parts at 50 MB). */
export const MAX_PARTS_PER_REQUEST = 50;

/** How a file of `size` bytes is sent: one part 0, or parts 1…n of PART_BYTES, the last one shorter. */
export function planParts(size: number): Array<{ part: number; offset: number; size: number }> {
  if (size <= PART_BYTES) return [{ part: 0, offset: 0, size }];
  const parts: Array<{ part: number; offset: number; size: number }> = [];
  for (let offset = 0, part = 1; offset < size; offset += PART_BYTES, part++) parts.push({ part, offset, size: Math.min(PART_BYTES, size - offset) });
  return parts;
}

/** The PUTs a version asks for, matched to the planned parts. */
export function targetsOf(version: VersionView, size: number): PutTarget[] {
  const plan = planParts(size);
  if (plan.length === 1 && plan[0]!.part === 0) {
    return version.putUrl ? [{ ...plan[0]!, url: version.putUrl, headers: version.putHeaders }] : [];
  }
  return plan.flatMap((p) => {
    const m = version.multiparts.find((x) => x.partNumber === p.part);
    return m ? [{ ...p, url: m.putUrl, headers: m.putHeaders }] : [];
  });
}

/** The state an upload starts from, or resumes from after the worker died mid-request. */
export function resumed(s: UploadState | undefined): UploadState {
  if (!s) return { step: 'create' };
  if (s.step === 'create' && s.inFlight) return { step: 'look' };
  if (s.step === 'finish' && s.inFlight) return { step: 'check', doc: s.doc };
  return s;
}

export function nextAction(s: UploadState, size: number): UploadAction {
  switch (s.step) {
    case 'create':
      return { do: 'create', parts: planParts(size).map(({ part, size: n }) => ({ part, size: n })) };
    case 'look':
      return { do: 'look' };
    case 'put': {
      const target = s.targets.find((t) => !s.done.includes(t.part));
      return target ? { do: 'put', target } : { do: 'finish', doc: s.doc };
    }
    case 'refresh':
      return { do: 'refresh', doc: s.doc };
    case 'finish':
      return { do: 'finish', doc: s.doc };
    case 'check':
      return { do: 'check', doc: s.doc };
    case 'done':
      return { do: 'nothing', documentId: s.documentId };
  }
}

/** Marks a request as sent before it goes (a create or a finish that may reach Clio without an answer). */
export function sending(s: UploadState): UploadState {
  if (s.step === 'create') return { step: 'create', inFlight: true };
  if (s.step === 'put' && !s.targets.some((t) => !s.done.includes(t.part))) return { step: 'finish', doc: s.doc, inFlight: true };
  if (s.step === 'finish') return { ...s, inFlight: true };
  return s;
}

const refOf = (v: VersionView): DocRef => ({ id: v.documentId, uuid: v.uuid });

function putting(v: VersionView, size: number, done: number[]): UploadState {
  const targets = targetsOf(v, size);
  // No put_url for a part still to send (none shown, or the version asks for other parts): read it again.
  const wanted = planParts(size).map((p) => p.part);
  if (wanted.some((p) => !done.includes(p) && !targets.some((t) => t.part === p))) return { step: 'refresh', doc: refOf(v), done };
  return { step: 'put', doc: refOf(v), targets, done };
}

export function afterOutcome(s: UploadState, o: UploadOutcome, size: number): UploadState {
  switch (o.to) {
    case 'create':
      if (o.ok) return o.version.fullyUploaded ? { step: 'done', documentId: o.version.documentId } : putting(o.version, size, []);
      return o.mayHaveReached ? { step: 'look' } : { step: 'create' };
    case 'look':
      if (!o.found) return { step: 'create' };
      if (o.found.fullyUploaded) return { step: 'done', documentId: o.found.documentId };
      // Which bytes arrived is unknown: send them all again (a PUT replaces).
      return putting(o.found, size, []);
    case 'put': {
      if (s.step !== 'put') return s;
      if (o.result === 'expired') return { step: 'refresh', doc: s.doc, done: s.done };
      if (o.result === 'failed') return s;
      const done = [...new Set([...s.done, o.part])];
      return { ...s, done };
    }
    case 'refresh': {
      const done = s.step === 'refresh' || s.step === 'put' ? s.done : [];
      if (o.version.fullyUploaded) return { step: 'done', documentId: o.version.documentId };
      return putting(o.version, size, done);
    }
    case 'finish': {
      if (s.step !== 'finish' && s.step !== 'put') return s;
      const doc = s.doc;
      if (o.result === 'ok' || o.result === 'already-complete') return { step: 'done', documentId: doc.id };
      if (o.result === 'incomplete') return { step: 'refresh', doc, done: [] };
      if (o.result === 'uncertain') return { step: 'check', doc };
      return { step: 'finish', doc };
    }
    case 'check':
      if (s.step !== 'check') return s;
      return o.fullyUploaded ? { step: 'done', documentId: s.doc.id } : { step: 'finish', doc: s.doc };
  }
}
