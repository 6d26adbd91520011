/**
 * Compares a JSON document with a hand-derived expectation: every key of the expectation must be present
 * with an equal value; numbers may differ by 1e-9 relative (absolute for |expected| < 1). Records whose
 * keys are user names (`byActor`, `byLevel`) must have exactly the expected keys, in the expected order.
 * Returns the list of differences (empty = equal), each with its JSON path.
 */
const EXACT_KEYS = new Set(["byActor", "byLevel"]);

export function compareJson(actual: unknown, expected: unknown, path = "$"): string[] {
  if (typeof expected === "number") {
    if (typeof actual !== "number")
      return [`${path}: expected number ${expected}, got ${JSON.stringify(actual)}`];
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (expected === null || typeof expected !== "object") {
    return actual === expected
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length)
      return [`${path}: expected ${expected.length} entries, got ${actual.length}`];
    return expected.flatMap((e, i) => compareJson(actual[i], e, `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual))
    return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const problems: string[] = [];
  const key = path.split(".").pop() ?? "";
  if (EXACT_KEYS.has(key)) {
    const ak = Object.keys(a);
    const ek = Object.keys(e);
    if (JSON.stringify(ak) !== JSON.stringify(ek))
      problems.push(`${path}: expected keys ${JSON.stringify(ek)}, got ${JSON.stringify(ak)}`);
  }
  for (const k of Object.keys(e)) {
    if (!Object.prototype.hasOwnProperty.call(a, k)) problems.push(`${path}.${k}: missing`);
    else problems.push(...compareJson(a[k], e[k], `${path}.${k}`));
  }
  return problems;
}
