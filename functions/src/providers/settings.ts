/**
 * Reads an app setting a provider cannot work without. The registry already refuses to create a
 * provider whose settings are missing; this guards direct callers, because an empty secret would
 * be worse than no provider at all (anyone could present an empty key or sign with an empty token).
 */
export function requireSetting(settings: ReadonlyMap<string, string>, name: string): string {
  const value = settings.get(name);
  if (value === undefined || value === '') {
    throw new Error(`app setting ${name} is required`);
  }
  return value;
}
