import { browserEndpoint, stringField } from '../browser-endpoint';
import { registrationDependencies } from '../composition';
import { registerHttp } from '../registry';
import { refused } from '../services/outcome';
import { finishRegistration, startRegistration } from '../services/registration';

// The registration ceremony's two steps (docs/api.md), called by register.html?t=<token>.

const MISSING_TOKEN = '"token" must be the t= value of the registration link';

registerHttp('registrationOptions', {
  route: 'registration/options',
  methods: ['POST', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: browserEndpoint(async ({ body, deps, log }) => {
    const token = stringField(body, 'token');
    if (token === undefined) return refused(400, 'bad-request', MISSING_TOKEN);
    return startRegistration(token, registrationDependencies(deps, log));
  }),
});

registerHttp('registrationVerify', {
  route: 'registration/verify',
  methods: ['POST', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: browserEndpoint(async ({ body, origin, deps, log }) => {
    const token = stringField(body, 'token');
    if (token === undefined) return refused(400, 'bad-request', MISSING_TOKEN);
    return finishRegistration(token, body.response, origin, registrationDependencies(deps, log));
  }, 201),
});
