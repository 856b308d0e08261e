// The reveal page, `/?m=<message id>`: the push notification's link. It asks for the passkey at
// once; only after the server verified it does the code arrive, and it lives only in this page.
import { startAuthentication, type AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { revealOptions, verifyReveal, type ApiFailure, type FrontendConfig, type RevealOptions, type RevealedMessage } from './api';
import { classifyCeremonyError, looksLikeInAppBrowser, OptionsInAdvance, passkeysSupported } from './ceremony';
import { fill, onAction, pageParameter, showState, slot } from './dom';
import { startPage } from './page';
import { describeArrival, everySecond, formatCountdown } from './time';

/** Message ids are base64url; anything else is a link mangled on its way here. */
const MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Older iOS Safari refuses a prompt that no tap started, within milliseconds and with the same
 * NotAllowedError a dismissed prompt gives. A person takes longer than this to dismiss one.
 */
const REFUSED_WITHOUT_TAP_MS = 1000;

class RevealCeremony {
  constructor(
    private readonly config: FrontendConfig,
    private readonly messageId: string,
  ) {}

  /** Learns the message's state before any prompt, so a spent link never asks for a passkey. */
  async begin(fromTap: boolean): Promise<void> {
    showState('loading');
    const result = await revealOptions(this.config, this.messageId);
    if (!result.ok) return this.showFailure(result.failure);
    if (!fromTap && passkeysSupported() && looksLikeInAppBrowser(navigator.userAgent)) return this.offerTap('in-app-browser', result.value);
    await this.authenticate(result.value, fromTap);
  }

  /** A state whose button starts the ceremony from the user's tap, with options fetched ahead. */
  private offerTap(state: string, alreadyFetched?: RevealOptions): void {
    const root = showState(state);
    const advance = new OptionsInAdvance(() => revealOptions(this.config, this.messageId), alreadyFetched);
    onAction(root, 'retry', () => {
      // No await before the prompt when options are at hand: the tap must still count as one.
      const fresh = advance.takeIfFresh();
      void (fresh ? this.authenticate(fresh, true) : this.begin(true));
    });
  }

  private async authenticate(options: RevealOptions, fromTap: boolean): Promise<void> {
    if (!passkeysSupported()) {
      showState('unsupported');
      return;
    }
    showState('prompting');
    const startedAt = Date.now();
    let response: AuthenticationResponseJSON;
    try {
      response = await startAuthentication({ optionsJSON: options.options });
    } catch (error) {
      const failure = classifyCeremonyError(error);
      if (failure === 'not-allowed' && !fromTap && Date.now() - startedAt < REFUSED_WITHOUT_TAP_MS) return this.offerTap('tap-to-reveal');
      return this.offerTap(failure === 'not-allowed' ? 'cancelled' : 'passkey-error');
    }
    showState('verifying');
    const result = await verifyReveal(this.config, this.messageId, response);
    if (result.ok) showMessage(result.value);
    else this.showFailure(result.failure);
  }

  private showFailure(failure: ApiFailure): void {
    if (failure.kind === 'network') return this.offerTap('network-error');
    if (failure.kind === 'unexpected') return this.offerTap('error');
    switch (failure.reason) {
      // Final: no passkey can change these, so no button either.
      case 'not-found':
      case 'expired':
      case 'revealed':
      case 'not-recipient':
        showState(failure.reason);
        return;
      case 'verification-failed':
      case 'challenge-expired':
        return this.offerTap(failure.reason);
      default:
        return this.offerTap('error');
    }
  }
}

function showMessage(message: RevealedMessage): void {
  const root = showState(message.code === null ? 'text' : 'code');
  fill(root, 'from', message.service ?? message.sender);
  if (message.service !== null && message.service !== message.sender) {
    fill(root, 'sender', message.sender);
    slot(root, 'sender-line').hidden = false;
  }
  // An origin-bound code names the site it is for; a look-alike site asking for it stands out.
  if (message.origin !== null) {
    fill(root, 'origin', message.origin);
    slot(root, 'origin-line').hidden = false;
  }
  fill(root, 'text', message.text);
  if (message.code !== null) showCode(root, message.code);
  slot(root, 'once-note').hidden = message.policy !== 'once';

  const receivedAt = new Date(message.receivedAt);
  const expiresAt = new Date(message.expiresAt);
  const arrival = slot(root, 'received');
  arrival.setAttribute('datetime', receivedAt.toISOString());
  const countdown = slot(root, 'countdown');
  countdown.setAttribute('datetime', expiresAt.toISOString());
  everySecond(() => {
    const now = new Date();
    arrival.textContent = describeArrival(receivedAt, now);
    countdown.textContent = formatCountdown(expiresAt, now);
    if (now < expiresAt) return true;
    // Past its expiry the code is useless to the owner and only of use to someone looking on.
    slot(root, 'secret').hidden = true;
    slot(root, 'lifetime').hidden = true;
    slot(root, 'expired-note').hidden = false;
    return false;
  });
}

function showCode(root: HTMLElement, code: string): void {
  const codeElement = fill(root, 'code', code);
  const copyStatus = slot(root, 'copy-status');
  const copyButton = root.querySelector('button[data-action="copy"]');
  copyButton?.addEventListener('click', () => {
    copyToClipboard(code, codeElement).then((copied) => {
      copyStatus.textContent = copied ? 'Copied' : 'Selected: copy it from the menu';
    }, () => undefined);
  });
}

async function copyToClipboard(code: string, codeElement: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(code);
    return true;
  } catch {
    // No Clipboard API (or no permission): select the code so the system's copy menu offers it.
    window.getSelection()?.selectAllChildren(codeElement);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

startPage(async (config) => {
  const messageId = pageParameter('m', MESSAGE_ID);
  if (messageId === undefined) {
    showState('missing-link');
    return;
  }
  await new RevealCeremony(config, messageId).begin(false);
});
