// Cells of CSV files hslist writes (the preview panel's export). A spreadsheet opening the file runs a
// cell that starts with `=`, `+`, `-` or `@` as a formula (and a leading tab or carriage return can
// hide one), so contact data such as a job title `=HYPERLINK("http://evil", "x")` would run on the
// admin's machine. Such a cell gets a leading single quote, as OWASP's CSV-injection advice says, and
// shows as the text it is. A plain number (`-12.5`) is left alone: it is not a formula.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The value made inert for spreadsheets (see above). */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: inert, and quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: string): string {
  const inert = inertCell(value);
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
