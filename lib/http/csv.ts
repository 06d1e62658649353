// CSV downloads (gradebook, assignments, question statistics). RFC 4180 quoting is a dozen lines,
// so no CSV dependency. The byte order mark makes Excel read the file as UTF-8 (Korean names stay
// intact); CRLF line ends are what RFC 4180 and Excel expect.

const BOM = '\uFEFF';
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** Rows of fields as one CSV text: byte order mark, quoted fields, CRLF after every row. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: quoted when needed, and neutralized when a spreadsheet would run it as a formula. */
export function csvField(value: string): string {
  // OWASP "CSV injection": a cell starting with = + - @ (or tab/CR) is a formula to Excel; a plain
  // negative number ("-0.12", a discrimination index) is data and stays a number.
  const safe = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
