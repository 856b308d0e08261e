// What both pages do first: read config.json and check that this page can use passkeys for the
// configured RP ID. A failure here is shown as a state like any other.
import { loadFrontendConfig, type FrontendConfig } from './api';
import { servedWithinRpId } from './ceremony';
import { fill, onAction, showState } from './dom';

export function startPage(run: (config: FrontendConfig) => Promise<void>): void {
  const start = async (): Promise<void> => {
    const config = await loadFrontendConfig();
    if (!config.ok) {
      onAction(showState(config.failure.kind === 'network' ? 'network-error' : 'error'), 'retry', () => window.location.reload());
      return;
    }
    if (!servedWithinRpId(config.value, window.location.hostname)) {
      fill(showState('misconfigured'), 'rp-id', config.value.rpId);
      return;
    }
    await run(config.value);
  };
  start().catch(() => {
    // A bug, not a state the API described: offer the one thing that may help.
    onAction(showState('error'), 'retry', () => window.location.reload());
  });
}
