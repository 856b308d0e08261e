import { browserEndpoint, stringField } from '../browser-endpoint';
import { revealDependencies } from '../composition';
import { registerHttp } from '../registry';
import { refused } from '../services/outcome';
import { finishReveal, startReveal } from '../services/reveal';

// The reveal ceremony's two steps (docs/api.md), called by the reveal page /?m=<message id>.

const MISSING_MESSAGE_ID = '"messageId" must be the m= value of the reveal link';

registerHttp('revealOptions', {
  route: 'reveal/options',
  methods: ['POST', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: browserEndpoint(async ({ body, deps, log }) => {
    const messageId = stringField(body, 'messageId', 64);
    if (messageId === undefined) return refused(400, 'bad-request', MISSING_MESSAGE_ID);
    return startReveal(messageId, revealDependencies(deps, log));
  }),
});

registerHttp('revealVerify', {
  route: 'reveal/verify',
  methods: ['POST', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: browserEndpoint(async ({ body, origin, deps, log }) => {
    const messageId = stringField(body, 'messageId', 64);
    if (messageId === undefined) return refused(400, 'bad-request', MISSING_MESSAGE_ID);
    const outcome = await finishReveal(messageId, body.response, origin, revealDependencies(deps, log));
    return outcome.ok ? { ok: true, value: { message: outcome.value } } : outcome;
  }),
});
