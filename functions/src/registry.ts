import { app, type HttpFunctionOptions, type HttpHandler, type HttpMethod, type TimerFunctionOptions, type TimerHandler } from '@azure/functions';

export interface RegisteredHttpFunction {
  readonly name: string;
  /** Route template below the host's "api" prefix, e.g. "sms/{provider}". */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  readonly handler: HttpHandler;
}

export interface RegisteredTimerFunction {
  readonly name: string;
  readonly schedule: string;
  readonly handler: TimerHandler;
}

const httpFunctions: RegisteredHttpFunction[] = [];
const timerFunctions: RegisteredTimerFunction[] = [];

/**
 * Registers with the Azure Functions host exactly as `app.http` does, and remembers the
 * registration so the local stack can serve the very same handlers under the same routes.
 */
export function registerHttp(name: string, options: HttpFunctionOptions & { route: string; methods: HttpMethod[] }): void {
  app.http(name, options);
  httpFunctions.push({ name, route: options.route, methods: options.methods, handler: options.handler });
}

export function registerTimer(name: string, options: TimerFunctionOptions): void {
  app.timer(name, options);
  timerFunctions.push({ name, schedule: options.schedule, handler: options.handler });
}

export function registeredHttpFunctions(): readonly RegisteredHttpFunction[] {
  return httpFunctions;
}

export function registeredTimerFunctions(): readonly RegisteredTimerFunction[] {
  return timerFunctions;
}
