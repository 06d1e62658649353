/**
 * Content-Disposition for the CSV download: an ASCII `filename` for old clients and the real
 * (possibly Korean) class name in `filename*` (RFC 6266 / RFC 5987).
 */
export function gradebookContentDisposition(className: string, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const ascii = className.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'class';
  const full = `gradebook-${className}-${day}.csv`;
  const encoded = encodeURIComponent(full).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="gradebook-${ascii}-${day}.csv"; filename*=UTF-8''${encoded}`;
}
