import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(ROOT, 'scripts/otp.ts');

function runOtpCli(args: readonly string[], stdin = '') {
  const result = spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', timeout: 20_000 });
  if (result.error) throw result.error;
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  return { status: result.status, lines, stderr: result.stderr };
}

describe('npm run otp', () => {
  it('prints one JSON object for a message argument', () => {
    const { status, lines } = runOtpCli(['Your GitHub code is 482-913']);
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    const output: unknown = JSON.parse(lines[0]);
    expect(Object.keys(output as object)).toEqual(['code', 'service', 'origin', 'confidence', 'reason']);
    expect(output).toEqual({
      code: '482913',
      service: 'GitHub',
      origin: null,
      confidence: expect.any(Number),
      reason: 'keyword-before',
    });
  });

  it('prints the origin of an origin-bound code', () => {
    const { status, lines } = runOtpCli(['Your code is 747723\n\n@example.com #747723']);
    expect(status).toBe(0);
    expect(JSON.parse(lines[0])).toMatchObject({ code: '747723', origin: 'example.com', reason: 'origin-bound' });
  });

  it('passes --sender to the extractor', () => {
    const { status, lines } = runOtpCli(['Your code is 4821', '--sender', 'HSBC']);
    expect(status).toBe(0);
    expect(JSON.parse(lines[0])).toMatchObject({ code: '4821', service: 'HSBC' });
  });

  it('answers JSON Lines on stdin line by line, in order, and fails at the end on a malformed line', () => {
    const input = [
      JSON.stringify('G-482913 is your Google verification code.'),
      JSON.stringify({ text: 'Your code is 4821', sender: 'HSBC' }),
      'this is not JSON',
      JSON.stringify({ text: 'Your order 48213 has shipped' }),
      '42',
    ].join('\n');
    const { status, lines } = runOtpCli([], `${input}\n`);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { code: '482913', service: 'Google', origin: null, confidence: expect.any(Number), reason: 'google-g-prefix' },
      { code: '4821', service: 'HSBC', origin: null, confidence: expect.any(Number), reason: 'keyword-before' },
      { error: 'line 3: not a JSON string' },
      { code: null, service: null, origin: null, confidence: 0, reason: 'order' },
      { error: 'line 5: not a JSON string' },
    ]);
    expect(status).toBe(1);
  });

  it('exits 0 when every stdin line is well formed, using --sender as the default sender', () => {
    const input = [JSON.stringify('Your code is 4821'), JSON.stringify({ text: 'Your code is 7302', sender: 'Bolt' })]
      .map((line) => `${line}\n`)
      .join('');
    const { status, lines } = runOtpCli(['--sender', 'HSBC'], input);
    expect(status).toBe(0);
    expect(lines.map((line) => (JSON.parse(line) as { service: unknown }).service)).toEqual(['HSBC', 'Bolt']);
  });

  it('refuses more than one message argument with a usage message', () => {
    const { status, lines, stderr } = runOtpCli(['Your code', 'is 4821']);
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toContain('usage:');
  });
});
