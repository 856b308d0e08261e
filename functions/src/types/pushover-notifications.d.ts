// The package ships no typings; this declares only the part of its API we call.
declare module 'pushover-notifications' {
  import type { IncomingMessage, RequestOptions } from 'node:http';

  interface PushoverOptions {
    token: string;
    user?: string;
    /** Merged into the https.request options; `proxy` switches to plain http via that host. */
    httpOptions?: RequestOptions & { proxy?: string };
    /** Without it the library throws from inside a socket callback, crashing the process. */
    onerror?: (error: unknown, response?: IncomingMessage) => void;
  }

  interface PushoverMessage {
    user?: string;
    title?: string;
    message: string;
    url?: string;
    url_title?: string;
    timestamp?: number;
    ttl?: number;
    priority?: number;
    sound?: string;
  }

  class Pushover {
    constructor(options: PushoverOptions);
    send(message: PushoverMessage, callback: (error: Error | undefined, body?: string, response?: IncomingMessage) => void): void;
  }

  export = Pushover;
}
