import { hasControlCharacter } from '@/lib/validation/text';

/**
 * Where a URL carries control characters (a NUL byte, a line break…) once percent-decoded: in the
 * path, or in a query parameter's name or value. No id, slug or query value of this app may hold
 * one, so the proxy refuses such a request before any page or route passes the value to
 * PostgreSQL. Returns a short English description, or null when the URL is clean.
 */
export function findJunkInUrl(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'the path is not valid percent-encoding';
  }
  if (hasControlCharacter(path)) return 'the path contains a control character';
  for (const [name, value] of url.searchParams) {
    if (hasControlCharacter(name) || hasControlCharacter(value)) return `the query parameter "${name.replace(/\p{Cc}/gu, '?')}" contains a control character`;
  }
  return null;
}
