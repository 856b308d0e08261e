/**
 * `npm run bench:otp`: this extractor and the npm package parse-otp-message side by side on the OTP
 * corpus (test/fixtures/otp-corpus.ts), in one process. Prints a Markdown table of exact-code accuracy on
 * messages with a code, false positives on messages without one, and throughput after warm-up.
 *
 * Fair to the peer: its code is compared after removing what it leaves in that a person would not type
 * (Google's "G-" prefix, spaces and dashes), so only a wrong or missing code counts against it. It has no
 * sender or confidence input; a message counts as "has a code" for it whenever it returns one.
 *
 *   npm run bench:otp                      table only
 *   npm run bench:otp -- --misses          also list which corpus entries each extractor gets wrong
 *                                          (entry numbers, languages and reasons only: no message text)
 *   npm run bench:otp -- --languages       also print exact accuracy and false positives per language tag
 *   npm run bench:otp -- --corpus holdout  only the held-out part (test/fixtures/otp-corpus/holdout.ts),
 *                                          written blind to estimate how the extractor generalises
 *   npm run bench:otp -- --corpus holdout2 only the second blind set (otp-corpus/holdout2.ts), modelled
 *                                          on real services' templates; holdout3: the third, in 47
 *                                          language tags beyond the 33
 */
import { parseArgs } from 'node:util';
import { extractOtp } from '../functions/src/core/otp';
import { OTP_CORPUS, type OtpCorpusEntry } from '../test/fixtures/otp-corpus';
import { HOLDOUT_ENTRIES } from '../test/fixtures/otp-corpus/holdout';
import { HOLDOUT2_ENTRIES } from '../test/fixtures/otp-corpus/holdout2';
import { HOLDOUT3_ENTRIES } from '../test/fixtures/otp-corpus/holdout3';

/** The peer ships no type declarations; this is its documented API (see its readme). */
interface PeerResult {
  readonly code?: string;
  readonly service?: string;
}
// An untyped CommonJS dev dependency: required, then given the type its readme documents.
const parseOtpMessage = require('parse-otp-message') as (message: string) => PeerResult | undefined;

type Extractor = (entry: OtpCorpusEntry) => string | null;

interface Contender {
  readonly name: string;
  readonly extract: Extractor;
}

interface Result {
  readonly name: string;
  readonly exact: number;
  readonly positives: number;
  readonly falsePositives: number;
  readonly negatives: number;
  readonly messagesPerSecond: number;
  readonly misses: readonly string[];
}

/** Long enough for V8 to optimise the hot paths before anything is timed. */
const WARM_UP_MS = 1_000;
const MEASURE_MS = 3_000;

const ours: Contender = {
  name: 'sms2fa extractOtp',
  extract: (entry) => extractOtp(entry.text, entry.sender === undefined ? undefined : { sender: entry.sender }).code,
};

const peer: Contender = {
  name: 'parse-otp-message 1.0.2',
  extract: (entry) => {
    const code = parseOtpMessage(entry.text)?.code;
    return code === undefined ? null : code.replace(/^g-/i, '').replace(/[\s-]/g, '');
  },
};

/** Per language tag: exact codes on positives and false positives on negatives. */
interface LanguageScore {
  exact: number;
  positives: number;
  falsePositives: number;
  negatives: number;
}

function score(contender: Contender, corpus: readonly OtpCorpusEntry[]): Omit<Result, 'messagesPerSecond'> {
  let exact = 0;
  let positives = 0;
  let falsePositives = 0;
  let negatives = 0;
  const misses: string[] = [];
  corpus.forEach((entry, index) => {
    const code = contender.extract(entry);
    const language = entry.language ?? 'en';
    if (entry.code === null) {
      negatives++;
      if (code === null) return;
      falsePositives++;
      misses.push(`#${index} ${language}: code where there is none`);
    } else {
      positives++;
      if (code === entry.code) exact++;
      else misses.push(`#${index} ${language}: ${code === null ? 'missed the code' : 'wrong code'}`);
    }
  });
  return { name: contender.name, exact, positives, falsePositives, negatives, misses };
}

/** Whole passes over the corpus until `durationMs` is up; the checksum keeps V8 from skipping the work. */
function scoreByLanguage(contender: Contender, corpus: readonly OtpCorpusEntry[]): Map<string, LanguageScore> {
  const scores = new Map<string, LanguageScore>();
  for (const entry of corpus) {
    const language = entry.language ?? 'en';
    let languageScore = scores.get(language);
    if (languageScore === undefined) {
      languageScore = { exact: 0, positives: 0, falsePositives: 0, negatives: 0 };
      scores.set(language, languageScore);
    }
    const code = contender.extract(entry);
    if (entry.code === null) {
      languageScore.negatives++;
      if (code !== null) languageScore.falsePositives++;
    } else {
      languageScore.positives++;
      if (code === entry.code) languageScore.exact++;
    }
  }
  return scores;
}

function languageTable(contenders: readonly Contender[], corpus: readonly OtpCorpusEntry[]): string {
  const byContender = contenders.map((contender) => scoreByLanguage(contender, corpus));
  const languages = [...byContender[0].keys()];
  const rows = [
    ['language', ...contenders.flatMap((contender) => [`${contender.name} exact`, 'FP'])],
    ['---', ...contenders.flatMap(() => ['---:', '---:'])],
    ...languages.map((language) => [
      language,
      ...byContender.flatMap((scores) => {
        const languageScore = scores.get(language);
        if (languageScore === undefined) return ['', ''];
        return [
          `${languageScore.exact}/${languageScore.positives}`,
          `${languageScore.falsePositives}/${languageScore.negatives}`,
        ];
      }),
    ]),
  ];
  return rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function runFor(
  contender: Contender,
  corpus: readonly OtpCorpusEntry[],
  durationMs: number,
): { messages: number; elapsedMs: number; checksum: number } {
  let messages = 0;
  let checksum = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(durationMs) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (const entry of corpus) checksum += contender.extract(entry)?.length ?? 0;
    messages += corpus.length;
  }
  return { messages, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6, checksum };
}

function measure(contender: Contender, corpus: readonly OtpCorpusEntry[]): number {
  runFor(contender, corpus, WARM_UP_MS);
  const { messages, elapsedMs, checksum } = runFor(contender, corpus, MEASURE_MS);
  if (checksum < 0) throw new Error('unreachable: keeps the checksum observable');
  return Math.round((messages / elapsedMs) * 1000);
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function table(results: readonly Result[]): string {
  const rows = [
    ['extractor', 'exact code (positives)', 'false positives (negatives)', 'messages/s (1 core)'],
    ['---', '---:', '---:', '---:'],
    ...results.map((result) => [
      result.name,
      `${result.exact}/${result.positives} (${percent(result.exact, result.positives)})`,
      `${result.falsePositives}/${result.negatives}`,
      result.messagesPerSecond.toLocaleString('en-US'),
    ]),
  ];
  return rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { misses: { type: 'boolean' }, languages: { type: 'boolean' }, corpus: { type: 'string' } },
  });
  // A Map, not an object literal: "--corpus toString" must be refused, not found on the prototype.
  const corpora = new Map<string, readonly OtpCorpusEntry[]>([
    ['all', OTP_CORPUS],
    ['holdout', HOLDOUT_ENTRIES],
    ['holdout2', HOLDOUT2_ENTRIES],
    ['holdout3', HOLDOUT3_ENTRIES],
  ]);
  const corpusName = values.corpus ?? 'all';
  const corpus = corpora.get(corpusName);
  if (corpus === undefined) {
    throw new Error(`--corpus must be one of ${[...corpora.keys()].join(', ')}, not "${corpusName}"`);
  }
  const holdout = corpusName !== 'all';
  const contenders = [ours, peer];
  const results = contenders.map((contender) => ({
    ...score(contender, corpus),
    messagesPerSecond: measure(contender, corpus),
  }));
  const languages = new Set(corpus.map((entry) => entry.language ?? 'en'));
  process.stdout.write(
    `OTP ${holdout ? `held-out set ${corpusName}` : 'corpus'}: ${corpus.length} messages (${results[0].positives} with a code, ${results[0].negatives} ` +
      `without), ${languages.size} language tags; Node ${process.version}, warm-up ${WARM_UP_MS} ms, ` +
      `measured ${MEASURE_MS} ms each\n\n${table(results)}\n`,
  );
  if (values.languages === true) process.stdout.write(`\n${languageTable(contenders, corpus)}\n`);
  if (values.misses === true) {
    for (const result of results) {
      process.stdout.write(`\n${result.name}: ${result.misses.length} misses\n`);
      for (const miss of result.misses) process.stdout.write(`  ${miss}\n`);
    }
  }
}

main();
