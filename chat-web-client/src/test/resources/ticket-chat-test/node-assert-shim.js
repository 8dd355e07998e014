// Just enough of node:assert/strict for ticket-chat-client.test.mjs in a browser.
class AssertionError extends Error {}

function fail(message, actual, expected) {
  throw new AssertionError(message ?? `expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`);
}

function deepEqualValues(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => deepEqualValues(a[k], b[k]));
}

const assert = {
  ok(value, message) {
    if (!value) fail(message ?? `expected a truthy value but was ${JSON.stringify(value)}`);
  },
  equal(actual, expected, message) {
    if (!Object.is(actual, expected)) fail(message, actual, expected);
  },
  deepEqual(actual, expected, message) {
    if (!deepEqualValues(actual, expected)) fail(message, actual, expected);
  },
};

export default assert;
