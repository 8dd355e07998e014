// Just enough of node:test for ticket-chat-client.test.mjs in a browser: tests register here and
// protocol-tests.html runs them one after another.
export const registered = [];

export function test(name, fn) {
  registered.push({ name, fn });
}
