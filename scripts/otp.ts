/**
 * Runs the OTP extractor from the command line, to try a message or to check a batch.
 *
 *   npm run otp -- "<message>" [--sender X]     prints one JSON object
 *   npm run otp -- [--sender X] < batch.jsonl    one JSON object per input line, in order
 *
 * Batch lines are JSON strings or {"text": "...", "sender": "..."}; --sender is the default for lines
 * without one. A malformed line prints {"error":"line N: not a JSON string"} in its place, so output
 * lines still match input lines, and the exit code is 1 once the batch is done.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { extractOtp } from '../functions/src/core/otp';

const USAGE = 'usage: npm run otp -- "<message>" [--sender X]\n       npm run otp -- [--sender X] < messages.jsonl\n';

interface BatchItem {
  readonly text: string;
  readonly sender: string | undefined;
}

function extractionLine(text: string, sender: string | undefined): string {
  const { code, service, origin, confidence, reason } = extractOtp(text, sender === undefined ? undefined : { sender });
  return JSON.stringify({ code, service, origin, confidence, reason });
}

/** A batch line as the caller meant it, or undefined when it is neither a JSON string nor {text, sender?}. */
function parseBatchLine(line: string, defaultSender: string | undefined): BatchItem | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value === 'string') return { text: value, sender: defaultSender };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { text, sender } = value as { text?: unknown; sender?: unknown };
  if (typeof text !== 'string') return undefined;
  if (sender !== undefined && sender !== null && typeof sender !== 'string') return undefined;
  return { text, sender: typeof sender === 'string' ? sender : defaultSender };
}

async function runBatch(defaultSender: string | undefined): Promise<number> {
  let exitCode = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    const item = parseBatchLine(line, defaultSender);
    if (item === undefined) {
      exitCode = 1;
      process.stdout.write(`${JSON.stringify({ error: `line ${lineNumber}: not a JSON string` })}\n`);
    } else {
      process.stdout.write(`${extractionLine(item.text, item.sender)}\n`);
    }
  }
  return exitCode;
}

async function main(): Promise<number> {
  let values: { readonly sender?: string; readonly help?: boolean };
  let positionals: readonly string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { sender: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    process.stderr.write(`expected one message, got ${positionals.length} arguments: quote the message\n${USAGE}`);
    return 2;
  }
  const message = positionals[0];
  if (message !== undefined) {
    process.stdout.write(`${extractionLine(message, values.sender)}\n`);
    return 0;
  }
  if (process.stdin.isTTY) {
    process.stderr.write(`no message given and stdin is a terminal\n${USAGE}`);
    return 2;
  }
  return runBatch(values.sender);
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
