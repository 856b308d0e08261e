// `npm run audit -- [--since 24h] [--json]`: registrations, reveals, failed verifications and
// revocations, newest first. Rows never hold a code or a message text.
import { parseArgs } from 'node:util';
import { AuditLog, type AuditRecord } from '../functions/src/store/audit';
import { openTargetStack, parseDuration } from './lib/target-stack';

const COLUMNS: readonly (keyof AuditRecord)[] = ['at', 'action', 'outcome', 'userId', 'credentialId', 'messageId', 'clientIp', 'userAgent'];
const HEADINGS = ['time (UTC)', 'action', 'outcome', 'user', 'passkey', 'message', 'client ip', 'user agent'];
/** Long ids are cut in the table (--json prints them whole). */
const MAX_CELL = 24;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { since: { type: 'string', default: '24h' }, json: { type: 'boolean', default: false } } });
  const since = new Date(Date.now() - parseDuration(values.since));
  const stack = await openTargetStack();
  const records = await new AuditLog(stack.tables).list(since);
  if (values.json) {
    console.log(JSON.stringify(records));
    return 0;
  }
  if (records.length === 0) {
    console.log(`no audit events since ${since.toISOString()} on ${stack.description}`);
    return 0;
  }
  const rows = records.map((record) => COLUMNS.map((column) => cell(record[column])));
  const widths = HEADINGS.map((heading, index) => Math.max(heading.length, ...rows.map((row) => row[index]?.length ?? 0)));
  const line = (cells: readonly string[]): string => cells.map((text, index) => text.padEnd(widths[index] ?? 0)).join('  ').trimEnd();
  console.log(line(HEADINGS));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  return 0;
}

function cell(value: AuditRecord[keyof AuditRecord]): string {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
  const text = value === '' ? '-' : value.replace(/[\p{Cc}]/gu, ' ');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
