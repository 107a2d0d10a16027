/** Building Clio API URLs and `fields` parameters. Pure. */

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;

/**
 * Clio's `fields` parameter. Nested resources take one level of braces:
 * `fields(['id', 'display_number'], { client: ['id', 'name'] })` → `id,display_number,client{id,name}`.
 */
export function fields(top: readonly string[], nested: Record<string, readonly string[]> = {}): string {
  const parts = [...top];
  for (const [name, inner] of Object.entries(nested)) {
    if (inner.some((f) => /[{}]/.test(f))) throw new Error('Clio allows one level of nested fields');
    parts.push(`${name}{${inner.join(',')}}`);
  }
  return parts.join(',');
}

/** `base` + `path` + query; arrays become `key[]=a&key[]=b` as Clio expects. */
export function apiUrl(base: string, path: string, query: Query = {}): string {
  const url = new URL(base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k.endsWith('[]') ? k : `${k}[]`, String(item));
    else url.searchParams.set(k, String(v));
  }
  return url.toString();
}

/** A paging link is followed only when it stays on Clio's API: the token must never go elsewhere. */
export function isSameApi(link: string, base: string): boolean {
  try {
    const l = new URL(link);
    const b = new URL(base);
    return l.origin === b.origin && l.pathname.startsWith(`${b.pathname.replace(/\/+$/, '')}/`);
  } catch {
    return false;
  }
}
