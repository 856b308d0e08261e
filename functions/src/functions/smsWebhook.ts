import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { dependencies, intakeDependencies, type Dependencies } from '../composition';
import { jsonError } from '../http';
import { decodeWebhookRequest } from '../providers/request';
import { registerHttp } from '../registry';
import { acceptInboundSms } from '../services/intake';
import { describeStorageError } from '../store/tables';

/** Providers retry on 5xx; this tells the polite ones when. */
const RETRY_AFTER_SECONDS = '30';

/**
 * The SMS provider's webhook: /api/sms/{provider}. Authenticates before it interprets anything,
 * answers 4xx for anything it will never accept, and 503 (so the provider retries) only when a
 * stored message could not be announced yet or the backend is unavailable.
 */
export async function receiveSms(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  let deps: Dependencies;
  try {
    deps = await dependencies();
  } catch (error) {
    context.error(`sms webhook unavailable: ${error instanceof Error ? error.message : 'unknown error'}`);
    return jsonError(503, 'the service is not ready; try again later', { 'Retry-After': RETRY_AFTER_SECONDS });
  }

  try {
    return await handleDelivery(request, context, deps);
  } catch (error) {
    // Storage trouble (or a bug): nothing was acknowledged, so the provider's retry completes the work.
    context.error(`sms webhook: failure: ${describeStorageError(error)}`);
    return jsonError(503, 'temporarily unable to accept the message; please retry', { 'Retry-After': RETRY_AFTER_SECONDS });
  }
}

async function handleDelivery(request: HttpRequest, context: InvocationContext, deps: Dependencies): Promise<HttpResponseInit> {
  const providerName = request.params.provider ?? '';
  const provider = deps.providers.get(providerName);
  if (!provider) return jsonError(404, `unknown or disabled provider "${providerName.slice(0, 32)}"`);

  const decoded = await decodeWebhookRequest(request, deps.config.publicApiBaseUrl);
  if (!decoded.ok) return jsonError(decoded.rejection.status, decoded.rejection.error);
  const forbidden = provider.authenticate(decoded.request);
  if (forbidden) {
    context.warn(`sms webhook: rejected an unauthenticated ${providerName} request`);
    return jsonError(forbidden.status, forbidden.error);
  }
  const parsed = provider.parse(decoded.request);
  if (!parsed.ok) return jsonError(parsed.rejection.status, parsed.rejection.error);

  const result = await acceptInboundSms(parsed.sms, intakeDependencies(deps, (line) => context.log(line)));
  if (result.kind === 'retry-later') {
    return jsonError(503, 'message stored but not yet announced; please retry', { 'Retry-After': RETRY_AFTER_SECONDS });
  }
  const ack = provider.acknowledge();
  return { status: ack.status, headers: ack.headers, body: ack.body };
}

registerHttp('smsWebhook', {
  route: 'sms/{provider}',
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: receiveSms,
});
