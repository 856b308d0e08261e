// The whole seed flow in a real Chromium: a registration link from the operator's script, a
// passkey made by the DevTools virtual authenticator, an SMS, the push link from the outbox, the
// passkey check, and the exact code on the page — against `npm start`'s stack.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addVirtualAuthenticator, launchChromium, spawnLocalStack, type SpawnedStack } from '../helpers/browser';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

let stack: SpawnedStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([spawnLocalStack(), launchChromium()]);
}, 45_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A tab with its own authenticator: one device of the user. */
async function openDevice(userAgent?: string): Promise<{ page: Page; authenticator: Awaited<ReturnType<typeof addVirtualAuthenticator>>; cspViolations: string[]; requestedUrls: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const requestedUrls: string[] = [];
  // Chromium reports every CSP refusal on the console, whether from the meta tag or the header.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('request', (request) => requestedUrls.push(request.url()));
  return { page, authenticator: await addVirtualAuthenticator(page), cspViolations, requestedUrls };
}

async function state(page: Page): Promise<string | null> {
  return page.locator('main > [data-state]').getAttribute('data-state');
}

/** Waits for the page to show a state; a timeout names the state it shows instead. */
async function waitForState(page: Page, name: string): Promise<void> {
  try {
    await page.locator(`main > [data-state="${name}"]`).waitFor({ timeout: 15_000 });
  } catch {
    throw new Error(`the page never showed the state "${name}"; it shows "${await state(page)}": ${await page.locator('main').innerText()}`);
  }
}

async function register(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForState(page, 'ready');
  await page.getByRole('button', { name: 'Create passkey' }).click();
  await waitForState(page, 'registered');
}

test('register a passkey, reveal the exact code once, and find it already revealed the second time', async () => {
  const { page, authenticator, cspViolations, requestedUrls } = await openDevice();
  const registrationUrl = await stack.registrationUrl('alice');
  expect(registrationUrl).toMatch(new RegExp(`^${stack.frontendUrl}/register\\.html\\?t=[A-Za-z0-9_-]{22,}$`));

  await register(page, registrationUrl);
  expect(await page.locator('[data-state="registered"]').textContent()).toContain('Passkey created for alice. You can close this page.');
  expect(await authenticator.credentialIds()).toHaveLength(1);
  // The link was single-use: opening it again says so, without a prompt.
  await page.goto(registrationUrl);
  await waitForState(page, 'used-token');

  const revealLink = await stack.sendSmsAndTakeRevealLink('Your GitHub verification code is 493817.', { viaNpmRunSms: true });
  expect(revealLink).toMatch(new RegExp(`^${stack.frontendUrl}/\\?m=[A-Za-z0-9_-]+$`));
  const response = await page.goto(revealLink);
  const code = page.getByTestId('code');
  await code.waitFor();
  expect(await code.textContent()).toBe('493817');
  expect(await page.locator('[data-state="code"] h1').textContent()).toBe('GitHub');
  expect(await page.locator('[data-slot="countdown"]').textContent()).toMatch(/^(10:00|9:[0-5]\d)$/);

  // Copy puts the exact code on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.frontendUrl });
  await page.getByRole('button', { name: 'Copy' }).click();
  // The Clipboard API answers asynchronously; the page says "Copied" once it has.
  await page.locator('[data-slot="copy-status"]', { hasText: /^Copied$/ }).waitFor({ timeout: 5000 });
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe('493817');

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'reveal.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(ARTIFACTS, 'reveal-dark.png'), fullPage: true });

  // The code lives in the page only: not in its address, storage, cookies or any request it made.
  expect(page.url()).toBe(revealLink);
  const stored = (await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])')) as string;
  expect(stored).toBe('[[],[],""]');
  expect(requestedUrls.length).toBeGreaterThan(0);
  for (const url of requestedUrls) expect(url).not.toContain('493817');

  // The policy arrives as a header (with what only a header can say) and in the page itself.
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain(`connect-src 'self' ${stack.apiUrl};`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy.replace("; frame-ancestors 'none'", ''));
  expect(cspViolations).toEqual([]);

  await page.goto(revealLink);
  await waitForState(page, 'revealed');
  expect(await page.getByTestId('code').count()).toBe(0);

  // The violation listener does hear a violation: an injected inline script is refused.
  await page.evaluate("document.body.append(Object.assign(document.createElement('script'), { textContent: 'document.title = \"injected\"' }))");
  for (let attempt = 0; attempt < 20 && cspViolations.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(cspViolations.length).toBeGreaterThan(0);
  for (const violation of cspViolations) expect(violation).toContain("script-src 'self'");
  expect(await page.title()).not.toBe('injected');
}, 60_000);

test('a second device adds a passkey beside the first, and both reveal', async () => {
  const phone = await openDevice();
  const laptop = await openDevice();
  const [phoneLink, laptopLink, phoneAgainLink] = await Promise.all([stack.registrationUrl('bob'), stack.registrationUrl('bob'), stack.registrationUrl('bob')]);
  await register(phone.page, phoneLink);
  await register(laptop.page, laptopLink);

  const listed = JSON.parse(await stack.npmRun('passkeys', ['list', '--user', 'bob', '--json'])) as { id: string; userId: string }[];
  const expectedIds = [...(await phone.authenticator.credentialIds()), ...(await laptop.authenticator.credentialIds())];
  expect(expectedIds).toHaveLength(2);
  expect(listed.map((passkey) => passkey.id).sort()).toEqual(expectedIds.sort());

  for (const [device, code] of [[phone, '271828'], [laptop, '314159']] as const) {
    await device.page.goto(await stack.sendSmsAndTakeRevealLink(`Your Revolut code is ${code}.`));
    await device.page.getByTestId('code').waitFor();
    expect(await device.page.getByTestId('code').textContent()).toBe(code);
  }

  // A device that already holds one of bob's passkeys is told so rather than making a duplicate.
  await phone.page.goto(phoneAgainLink);
  await phone.page.getByRole('button', { name: 'Create passkey' }).click();
  await waitForState(phone.page, 'already-registered');
  expect(await phone.authenticator.credentialIds()).toHaveLength(1);
}, 60_000);

test('a cancelled prompt can be retried, and a browser that needs a tap gets a "Reveal code" button', async () => {
  const { page, authenticator } = await openDevice();
  await page.goto(await stack.registrationUrl('carol'));
  await waitForState(page, 'ready');
  // The biometric check fails: the browser ends the ceremony with NotAllowedError, as for a dismissed prompt.
  await authenticator.setUserVerified(false);
  await page.getByRole('button', { name: 'Create passkey' }).click();
  await waitForState(page, 'cancelled');
  await authenticator.setUserVerified(true);
  await page.getByRole('button', { name: 'Cancelled — tap to try again' }).click();
  await waitForState(page, 'registered');

  // Older iOS Safari: a passkey prompt not started by a tap in this page is refused at once.
  // (Chromium's own user activation can outlive a same-origin navigation, so it is no guide here.)
  await page.addInitScript(`{
    let tappedAt = -Infinity;
    addEventListener('click', () => { tappedAt = performance.now(); }, true);
    const get = navigator.credentials.get.bind(navigator.credentials);
    navigator.credentials.get = (options) => performance.now() - tappedAt < 1000
      ? get(options)
      : Promise.reject(new DOMException('The request is not allowed by the user agent.', 'NotAllowedError'));
  }`);
  await page.goto(await stack.sendSmsAndTakeRevealLink('Your Amazon OTP is 161803.'));
  await waitForState(page, 'tap-to-reveal');
  await page.getByRole('button', { name: 'Reveal code' }).click();
  await page.getByTestId('code').waitFor();
  expect(await page.getByTestId('code').textContent()).toBe('161803');
}, 60_000);

test('a lost connection shows a clear state, and "Try again" then reveals the code', async () => {
  const { page } = await openDevice();
  await register(page, await stack.registrationUrl('dave'));
  const revealLink = await stack.sendSmsAndTakeRevealLink('Your Google verification code is 577215.');

  await page.route(`${stack.apiUrl}/api/**`, (route) => route.abort('internetdisconnected'));
  await page.goto(revealLink);
  await waitForState(page, 'network-error');
  await page.unroute(`${stack.apiUrl}/api/**`);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByTestId('code').waitFor();
  expect(await page.getByTestId('code').textContent()).toBe('577215');

  // A message without a code is shown whole, as text.
  const text = 'Your parcel <b>ABC</b> arrives tomorrow between 9 and 12.';
  await page.goto(await stack.sendSmsAndTakeRevealLink(text));
  await waitForState(page, 'text');
  expect(await page.getByTestId('text').textContent()).toBe(text);
  expect(await page.locator('main b').count()).toBe(0);
}, 60_000);

test("inside another app's browser, or without passkeys, the page says to open Safari or Chrome", async () => {
  const instagram = await openDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98');
  await instagram.page.goto(await stack.registrationUrl('erin'));
  await waitForState(instagram.page, 'ready');
  expect(await instagram.page.locator('[data-slot="in-app-note"]').isVisible()).toBe(true);
  await instagram.page.getByRole('button', { name: 'Create passkey' }).click();
  await waitForState(instagram.page, 'registered');
  const revealLink = await stack.sendSmsAndTakeRevealLink('Your Microsoft security code is 141421.');

  // A browser without WebAuthn learns the message is waiting, and where to open it.
  const noPasskeys = await openDevice();
  await noPasskeys.page.addInitScript('delete window.PublicKeyCredential');
  await noPasskeys.page.goto(revealLink);
  await waitForState(noPasskeys.page, 'unsupported');
  expect(await noPasskeys.page.locator('main').textContent()).toContain('Safari or Chrome');

  // The in-app browser is told the same, but may try: some of them can reach the passkeys.
  await instagram.page.goto(revealLink);
  await waitForState(instagram.page, 'in-app-browser');
  expect(await instagram.page.locator('main').textContent()).toContain('Safari or Chrome');
  await instagram.page.getByRole('button', { name: 'Try here anyway' }).click();
  await instagram.page.getByTestId('code').waitFor();
  expect(await instagram.page.getByTestId('code').textContent()).toBe('141421');
}, 60_000);

test('links that cannot work say so without asking for a passkey', async () => {
  const { page, requestedUrls } = await openDevice();
  let prompts = 0;
  await page.exposeFunction('countPrompt', () => prompts++);
  await page.addInitScript(`{
    for (const method of ['get', 'create']) {
      const original = navigator.credentials[method].bind(navigator.credentials);
      navigator.credentials[method] = (options) => { window.countPrompt(); return original(options); };
    }
  }`);
  await page.goto(`${stack.frontendUrl}/register.html?t=${'A'.repeat(43)}`);
  await waitForState(page, 'unknown-token');
  await page.goto(`${stack.frontendUrl}/?m=${'B'.repeat(22)}`);
  await waitForState(page, 'not-found');
  await page.goto(`${stack.frontendUrl}/`);
  await waitForState(page, 'missing-link');
  expect(await state(page)).toBe('missing-link');
  expect(prompts).toBe(0);
  // The state was learnt from the API each time, not guessed.
  expect(requestedUrls.filter((url) => url.startsWith(`${stack.apiUrl}/api/`)).length).toBe(2);
}, 30_000);
