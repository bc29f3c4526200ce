// Failures of our own server that the suite finds and that are not fixed yet, each with why. The
// integration tests (test/integration/conformance*.test.ts) allow exactly these and fail when one
// is fixed, so the list stays true. Keep it short: each entry is a bug to fix in src/.
export const KNOWN_FAILURES: Record<string, string> = {};
