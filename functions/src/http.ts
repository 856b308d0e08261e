import type { HttpResponseInit } from '@azure/functions';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** A 4xx or 5xx whose body says what went wrong. Messages must never quote the SMS. */
export function jsonError(status: number, error: string, headers: Record<string, string> = {}): HttpResponseInit {
  return jsonResponse(status, { error }, headers);
}
