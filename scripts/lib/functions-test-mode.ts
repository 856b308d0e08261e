const TEST_MODE_WARNINGS = ['WARNING: Failed to detect the Azure Functions runtime', 'WARNING: Skipping call to register'];

/**
 * Outside the Functions host, @azure/functions warns once per registration that it is in "test
 * mode". The local stack is that by design; the warnings would only confuse, so drop them.
 */
export function silenceFunctionsTestModeWarnings(): void {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && TEST_MODE_WARNINGS.some((prefix) => (args[0] as string).startsWith(prefix))) return;
    warn(...args);
  };
}
