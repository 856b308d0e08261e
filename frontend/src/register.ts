// The registration page, `register.html?t=<token>`: the operator's single-use link. It checks the
// token on load but prompts only from the "Create passkey" tap, so a stale link never asks.
import { startRegistration, type RegistrationResponseJSON } from '@simplewebauthn/browser';
import { registrationOptions, verifyRegistration, type ApiFailure, type FrontendConfig, type RegistrationOptions } from './api';
import { classifyCeremonyError, looksLikeInAppBrowser, OptionsInAdvance, passkeysSupported } from './ceremony';
import { fill, onAction, pageParameter, showState, slot } from './dom';
import { startPage } from './page';

/** Tokens are base64url of at least 128 random bits. */
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

class RegistrationCeremony {
  constructor(
    private readonly config: FrontendConfig,
    private readonly token: string,
  ) {}

  async begin(): Promise<void> {
    showState('loading');
    const result = await registrationOptions(this.config, this.token);
    if (!result.ok) return this.showFailure(result.failure);
    if (!passkeysSupported()) {
      showState('unsupported');
      return;
    }
    const root = this.offerTap('ready', result.value);
    fill(root, 'display-name', result.value.user.displayName);
    if (looksLikeInAppBrowser(navigator.userAgent)) slot(root, 'in-app-note').hidden = false;
  }

  /** A state whose button starts the ceremony from the user's tap, with options fetched ahead. */
  private offerTap(state: string, alreadyFetched?: RegistrationOptions): HTMLElement {
    const root = showState(state);
    const advance = new OptionsInAdvance(() => registrationOptions(this.config, this.token), alreadyFetched);
    onAction(root, 'retry', () => {
      // No await before the prompt when options are at hand: the tap must still count as one.
      const fresh = advance.takeIfFresh();
      if (fresh) {
        void this.register(fresh);
        return;
      }
      showState('loading');
      void registrationOptions(this.config, this.token).then((result) => (result.ok ? this.register(result.value) : this.showFailure(result.failure)));
    });
    return root;
  }

  private async register(options: RegistrationOptions): Promise<void> {
    showState('prompting');
    let response: RegistrationResponseJSON;
    try {
      response = await startRegistration({ optionsJSON: options.options });
    } catch (error) {
      const failure = classifyCeremonyError(error);
      if (failure === 'already-registered') {
        fill(showState('already-registered'), 'display-name', options.user.displayName);
        return;
      }
      this.offerTap(failure === 'not-allowed' ? 'cancelled' : 'passkey-error');
      return;
    }
    showState('verifying');
    const result = await verifyRegistration(this.config, this.token, response);
    if (result.ok) fill(showState('registered'), 'display-name', result.value.user.displayName);
    else this.showFailure(result.failure);
  }

  private showFailure(failure: ApiFailure): void {
    if (failure.kind !== 'api') {
      this.offerTap(failure.kind === 'network' ? 'network-error' : 'error');
      return;
    }
    switch (failure.reason) {
      // Final: the operator has to print a new link.
      case 'unknown-token':
      case 'expired-token':
      case 'used-token':
        showState(failure.reason);
        return;
      case 'verification-failed':
      case 'challenge-expired':
        this.offerTap(failure.reason);
        return;
      default:
        this.offerTap('error');
    }
  }
}

startPage(async (config) => {
  const token = pageParameter('t', TOKEN);
  if (token === undefined) {
    showState('missing-token');
    return;
  }
  await new RegistrationCeremony(config, token).begin();
});
