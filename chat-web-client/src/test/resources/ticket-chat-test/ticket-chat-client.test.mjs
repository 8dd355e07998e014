// Protocol logic of TicketChatClient against the in-memory fake server. Runs in Node
// (node --test chat-web-client/src/test/resources/ticket-chat-test/ticket-chat-client.test.mjs) and, through the shims of
// protocol-tests.html, in Chromium as part of the Maven build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, ConnectionState, DEFAULT_BACKOFF, MessageStore, TicketChatClient } from '../../../main/resources/META-INF/resources/ticket-chat/ticket-chat-client.js';
import { FakeChatServer } from './fake-chat-server.js';

async function until(condition, what, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const quiet = { info() {}, warn() {} };

function clientFor(server, userType, options = {}) {
  const name = userType === 'agent' ? 'Agent Smith' : 'Jane Customer';
  const client = new TicketChatClient({
    ticketId: 1, userType, user: { id: 7, name },
    tokenProvider: () => `${userType}:7:${name}`,
    apiBase: 'http://fake.test', wsBase: 'ws://fake.test',
    fetch: server.fetch, WebSocket: server.WebSocket,
    backoff: { baseMs: 10, maxMs: 40 }, pollIntervalMs: 20, pageSize: 5,
    logger: quiet, document: fakeDocument(), window: new EventTarget(),
    ...options,
  });
  client.start();
  return client;
}

/** The bits of a page the client reads for cookie mode: cookies and the _csrf meta tags. */
function fakeDocument({ cookie = '', meta = {} } = {}) {
  return Object.assign(new EventTarget(), {
    cookie,
    visibilityState: 'visible',
    querySelector(selector) {
      const name = /meta\[name="([^"]+)"\]/.exec(selector)?.[1];
      return name in meta ? { getAttribute: () => meta[name] } : null;
    },
  });
}

/** A customer in cookie mode: no tokenProvider, the fake's session plays the host's cookie. */
function cookieClient(server, options = {}) {
  server.session ??= 'customer:7:Jane Customer';
  return clientFor(server, 'customer', { tokenProvider: undefined, ...options });
}

const texts = (client) => client.messages.map((m) => m.text);

test('backoff grows exponentially, stays under the cap and keeps half of it fixed', () => {
  assert.equal(backoffDelay(1, { baseMs: 100, random: () => 0 }), 50);
  assert.equal(backoffDelay(4, { baseMs: 100, random: () => 1 }), 800);
  assert.equal(backoffDelay(30, { baseMs: 100, maxMs: 1000, random: () => 0.5 }), 750);
});

test('store drops duplicates by id and merges a confirmed send by clientMessageId', () => {
  const store = new MessageStore();
  const mine = store.addOwn({ clientMessageId: 'c1', text: 'hi', senderType: 'agent', status: 'pending' });
  assert.ok(store.accept({ id: 2, text: 'other', senderType: 'customer' }, false));
  assert.equal(store.accept({ id: 2, text: 'other', senderType: 'customer' }, false), null);
  const confirmed = store.accept({ id: 3, text: 'hi', senderType: 'agent', clientMessageId: 'c1' }, true);
  assert.equal(confirmed, mine);
  assert.equal(store.confirm('c1', 3), null, 'a late ack of an already confirmed send changes nothing');
  assert.deepEqual(store.messages.map((m) => [m.id, m.key]), [[2, 'm:2'], [3, 'c:c1']]);
});

test('store drops the pending copy when the stored message arrived first by another route', () => {
  const store = new MessageStore();
  store.addOwn({ clientMessageId: 'c1', text: 'hi', senderType: 'agent', status: 'pending' });
  store.accept({ id: 4, text: 'hi', senderType: 'agent' }, true); // a poll without client_message_id
  assert.ok(store.confirm('c1', 4).removed);
  assert.deepEqual(store.messages.map((m) => m.id), [4]);
});

test('agent and customer exchange messages live, each shown once, with acks', async () => {
  const server = new FakeChatServer();
  const agent = clientFor(server, 'agent');
  const customer = clientFor(server, 'customer');
  await until(() => agent.state === ConnectionState.LIVE && customer.state === ConnectionState.LIVE, 'both live');
  const sent = agent.send('Hello <b>Jane</b>');
  assert.equal(sent.status, 'pending');
  await until(() => texts(customer).length === 1, 'customer receives');
  await until(() => sent.status === 'sent', 'ack');
  assert.deepEqual(texts(agent), ['Hello <b>Jane</b>']);
  assert.equal(server.messages.length, 1);
  const frame = server.frames.find((f) => f.type === 'SEND_MESSAGE');
  assert.equal(frame.clientMessageId, sent.clientMessageId);
  assert.equal(frame.agentName, undefined, 'identity comes from the token, never from the frame');
  agent.stop();
  customer.stop();
});

test('a cut socket reconnects, resumes from the last id and misses nothing', async () => {
  const server = new FakeChatServer();
  const customer = clientFor(server, 'customer');
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'one' });
  await until(() => texts(customer).length === 1, 'first message');
  server.socketsEnabled = false;
  server.cutSockets();
  await until(() => customer.state === ConnectionState.RECONNECTING || customer.state === ConnectionState.POLLING, 'noticed the cut');
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'two' });
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'three' });
  server.socketsEnabled = true;
  await until(() => customer.state === ConnectionState.LIVE, 'live again');
  await until(() => texts(customer).length === 3, 'caught up');
  assert.deepEqual(texts(customer), ['one', 'two', 'three']);
  const joins = server.frames.filter((f) => f.type === 'JOIN_TICKET');
  assert.equal(joins.at(-1).lastMessageId, 1);
  customer.stop();
});

test('messages written offline are queued and each sent once when the connection returns', async () => {
  const server = new FakeChatServer();
  const agent = clientFor(server, 'agent');
  await until(() => agent.state === ConnectionState.LIVE, 'live');
  server.online = false;
  server.cutSockets();
  await until(() => agent.state !== ConnectionState.LIVE, 'offline noticed');
  agent.send('first while offline');
  agent.send('second while offline');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(server.messages.length, 0);
  server.online = true;
  await until(() => agent.messages.every((m) => m.status === 'sent'), 'queue flushed');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(server.messages.map((m) => m.message), ['first while offline', 'second while offline']);
  assert.deepEqual(texts(agent), ['first while offline', 'second while offline']);
  agent.stop();
});

test('without WebSocket it polls with afterId and posts over REST', async () => {
  const server = new FakeChatServer();
  server.socketsEnabled = false;
  const customer = clientFor(server, 'customer', { WebSocket: undefined, wsBase: null });
  await until(() => customer.state === ConnectionState.POLLING, 'polling');
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'via poll' });
  await until(() => texts(customer).includes('via poll'), 'poll delivers');
  const reply = customer.send('via rest');
  await until(() => reply.status === 'sent', 'rest post confirmed');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(texts(customer), ['via poll', 'via rest']);
  const post = server.requests.find((r) => r.method === 'POST' && r.path === '/api/chat/messages');
  assert.equal(post.body.clientMessageId, reply.clientMessageId);
  assert.deepEqual(Object.keys(post.body).sort(), ['clientMessageId', 'message', 'messageType', 'parentMessageId', 'senderType', 'ticketId']);
  assert.ok(server.requests.some((r) => r.path.includes('afterId=1')));
  customer.stop();
});

test('repeated socket failures fall back to polling, and the socket takes over again later', async () => {
  const server = new FakeChatServer();
  server.socketsEnabled = false;
  const agent = clientFor(server, 'agent');
  await until(() => agent.state === ConnectionState.POLLING, 'fell back to polling');
  server.socketsEnabled = true;
  await until(() => agent.state === ConnectionState.LIVE, 'socket again');
  agent.stop();
});

test('older pages load before the oldest message', async () => {
  const server = new FakeChatServer();
  for (let i = 1; i <= 12; i++) server.post(1, { senderType: 'agent', senderName: 'A', text: `m${i}` });
  const customer = clientFor(server, 'customer');
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  assert.deepEqual(texts(customer), ['m8', 'm9', 'm10', 'm11', 'm12']);
  assert.equal(await customer.loadOlder(), 5);
  assert.equal(await customer.loadOlder(), 2);
  assert.equal(customer.hasMore, false);
  assert.equal(texts(customer).join(','), Array.from({ length: 12 }, (_, i) => `m${i + 1}`).join(','));
  customer.stop();
});

test('typing is sent debounced and the other side sees it start and stop', async () => {
  const server = new FakeChatServer();
  const agent = clientFor(server, 'agent', { typingIdleMs: 30 });
  const customer = clientFor(server, 'customer');
  const seen = [];
  customer.addEventListener('typing', (e) => seen.push(e.detail.active));
  await until(() => agent.state === ConnectionState.LIVE && customer.state === ConnectionState.LIVE, 'both live');
  for (let i = 0; i < 5; i++) agent.notifyTyping();
  await until(() => seen.length === 2, 'start and stop');
  assert.deepEqual(seen, [true, false]);
  assert.equal(server.frames.filter((f) => f.type === 'TYPING').length, 1);
  agent.stop();
  customer.stop();
});

test('read receipts reach the sender', async () => {
  const server = new FakeChatServer();
  const agent = clientFor(server, 'agent');
  const customer = clientFor(server, 'customer');
  await until(() => agent.state === ConnectionState.LIVE && customer.state === ConnectionState.LIVE, 'both live');
  const sent = agent.send('Did that help?');
  await until(() => texts(customer).length === 1, 'delivered');
  assert.equal(await customer.markRead(), true);
  await until(() => agent.readByOtherUpTo === sent.id, 'receipt');
  agent.stop();
  customer.stop();
});

test('an unknown ticket stops reconnecting and reports NOT_FOUND', async () => {
  const server = new FakeChatServer();
  const errors = [];
  const client = clientFor(server, 'agent', { ticketId: 404 });
  client.addEventListener('error', (e) => errors.push(e.detail.error.code));
  await until(() => client.state === ConnectionState.FAILED, 'failed');
  assert.deepEqual(errors, ['NOT_FOUND']);
  client.stop();
});

test('a reconnect request during a handshake does not open a second socket', async () => {
  const server = new FakeChatServer();
  const agent = clientFor(server, 'agent');
  agent.reconnectNow();
  agent.reconnectNow();
  await until(() => agent.state === ConnectionState.LIVE, 'live');
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(server.sockets.size, 1);
  assert.equal(server.frames.filter((f) => f.type === 'JOIN_TICKET').length, 1);
  agent.stop();
});

test('a failed read mark is reported quietly and retried', async () => {
  const server = new FakeChatServer();
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'hi' });
  const customer = clientFor(server, 'customer');
  const contexts = [];
  customer.addEventListener('error', (e) => contexts.push(e.detail.context));
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.failNextMarkRead = true;
  assert.equal(await customer.markRead(), true);
  await until(() => contexts.length === 1, 'error reported');
  assert.deepEqual(contexts, ['background']);
  assert.equal(await customer.markRead(), true, 'the next look marks again');
  await until(() => server.messages[0].is_read, 'marked read');
  customer.stop();
});

test('without a tokenProvider it runs in cookie mode: credentials, X-Requested-With and the CSRF cookie, no Authorization', async () => {
  const server = new FakeChatServer();
  server.csrf = { headerName: 'X-XSRF-TOKEN', token: 'abc=' };
  const logged = [];
  const customer = cookieClient(server, {
    document: fakeDocument({ cookie: 'JSESSIONID=x; XSRF-TOKEN=abc%3D' }), logger: { info: (line) => logged.push(line) },
  });
  assert.equal(customer.auth, 'cookie');
  await until(() => customer.state === ConnectionState.LIVE, 'live over the socket');
  const sent = customer.send('over the session');
  await until(() => sent.status === 'sent', 'sent');
  assert.ok(server.requests.length >= 3);
  for (const request of server.requests) {
    assert.equal(request.headers.authorization, undefined, `${request.method} ${request.path} without Authorization`);
    assert.equal(request.headers['x-requested-with'], 'XMLHttpRequest');
    // apiBase is another origin than the page in a browser: cookies only go along with 'include'.
    assert.equal(request.credentials, globalThis.location ? 'include' : 'same-origin');
  }
  const ticketRequest = server.requests.find((r) => r.path === '/api/chat/ws-ticket');
  assert.equal(ticketRequest.headers['x-xsrf-token'], 'abc=');
  assert.equal(server.requests.find((r) => r.method === 'GET').headers['x-xsrf-token'], undefined, 'reads carry no CSRF token');
  assert.equal(logged.length, 1);
  assert.ok(logged[0].includes('cookie mode') && logged[0].includes('no tokenProvider'), logged[0]);
  customer.stop();
});

test('cookie mode on the page origin uses same-origin credentials', async () => {
  const server = new FakeChatServer();
  const customer = cookieClient(server, { apiBase: '' });
  await until(() => server.requests.length > 0, 'a request');
  assert.equal(server.requests[0].credentials, 'same-origin');
  customer.stop();
});

test('the CSRF token comes from the _csrf meta tags, or from a csrf.token provider', async () => {
  const server = new FakeChatServer();
  server.csrf = { headerName: 'X-CSRF-TOKEN', token: 'from-meta' };
  const fromMeta = cookieClient(server, {
    document: fakeDocument({ cookie: 'XSRF-TOKEN=stale', meta: { _csrf: 'from-meta', _csrf_header: 'X-CSRF-TOKEN' } }),
  });
  await until(() => fromMeta.state === ConnectionState.LIVE, 'live with the meta token');
  fromMeta.stop();

  server.csrf = { headerName: 'X-Custom-Csrf', token: 'from-provider' };
  const asked = [];
  const fromProvider = cookieClient(server, {
    csrf: { headerName: 'X-Custom-Csrf', token: ({ refresh }) => { asked.push(refresh); return 'from-provider'; } },
  });
  await until(() => fromProvider.state === ConnectionState.LIVE, 'live with the provided token');
  assert.deepEqual(asked, [false]);
  fromProvider.stop();
});

test('a CSRF refusal is retried once with the token read again', async () => {
  const server = new FakeChatServer();
  const page = fakeDocument({ cookie: '' }); // Spring Security sets the cookie lazily, on the first refusal
  server.csrf = { headerName: 'X-XSRF-TOKEN', token: 'fresh', onRefusal: () => { page.cookie = 'XSRF-TOKEN=fresh'; } };
  const customer = cookieClient(server, { document: page });
  await until(() => customer.state === ConnectionState.LIVE, 'live after one refusal');
  const tickets = server.requests.filter((r) => r.path === '/api/chat/ws-ticket');
  assert.deepEqual(tickets.map((r) => r.headers['x-xsrf-token']), [undefined, 'fresh']);
  customer.stop();
});

test('a write refused although reads work is named as the CSRF refusal it is, not a missing access', async () => {
  const server = new FakeChatServer();
  server.csrf = { headerName: 'X-XSRF-TOKEN', token: 'the-real-one' };
  const errors = [];
  const customer = cookieClient(server, { document: fakeDocument({ cookie: 'XSRF-TOKEN=wrong' }) });
  customer.addEventListener('error', (e) => errors.push(e.detail.error));
  await until(() => customer.state === ConnectionState.FAILED, 'stopped');
  assert.deepEqual(errors.map((e) => [e.code, e.status]), [['CSRF_REFUSED', 403]]);
  assert.ok(errors[0].message.includes('CSRF token missing or invalid'));
  assert.equal(server.requests.filter((r) => r.path === '/api/chat/ws-ticket').length, 2, 'read again and retried once, then stopped');
  customer.stop();
});

test('a write refused because the session ended (its CSRF token with it) is said as signed out, not as CSRF', async () => {
  const server = new FakeChatServer();
  server.signedOutAnswer = 'redirect';
  server.csrf = { headerName: 'X-XSRF-TOKEN', token: 'of-the-session' };
  const page = fakeDocument({ cookie: 'XSRF-TOKEN=of-the-session' });
  const customer = cookieClient(server, { document: page });
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.session = null; // expired: the token it issued is void too
  server.csrf.token = 'of-a-new-session';
  customer.simulateDisconnect();
  await until(() => customer.state === ConnectionState.FAILED, 'stopped');
  assert.equal(customer.lastError.code, 'UNAUTHENTICATED');
  assert.equal(customer.lastError.sessionExpired, true);
  customer.stop();
});

for (const answer of ['redirect', 'html', '401']) {
  test(`a signed-out session (${answer}) stops with UNAUTHENTICATED, never a JSON parse error`, async () => {
    const server = new FakeChatServer();
    server.signedOutAnswer = answer;
    server.session = null;
    const errors = [];
    const customer = clientFor(server, 'customer', { tokenProvider: undefined });
    customer.addEventListener('error', (e) => errors.push(e.detail.error));
    await until(() => customer.state === ConnectionState.FAILED, 'failed');
    assert.deepEqual(errors.map((e) => [e.code, e.sessionExpired]), [['UNAUTHENTICATED', true]]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(server.requests.filter((r) => r.path.startsWith('/api/chat/messages')).length, 1, 'no reconnect loop');
    customer.stop();
  });
}

test('a socket closed with 1008 gets one new ws-ticket; a signed-out session then stops as expired', async () => {
  const server = new FakeChatServer();
  const customer = cookieClient(server);
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.session = null; // the host's logout
  server.closeSockets(1008, 'not authenticated');
  await until(() => customer.state === ConnectionState.FAILED, 'stopped');
  assert.equal(customer.lastError.code, 'UNAUTHENTICATED');
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(server.requests.filter((r) => r.path === '/api/chat/ws-ticket').length, 2, 'one ticket to go live, one after the 1008');
  customer.stop();
});

test('a socket closed with 1008 while the session lives goes live again at once, and a second 1008 soon after stops', async () => {
  const server = new FakeChatServer();
  const customer = cookieClient(server, { backoff: { baseMs: 5000, maxMs: 5000 } });
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.closeSockets(1008, 'credential expired');
  await until(() => server.requests.filter((r) => r.path === '/api/chat/ws-ticket').length === 2, 'a new ticket, without waiting out the backoff');
  await until(() => customer.state === ConnectionState.LIVE, 'live again');
  server.closeSockets(1008, 'too many sockets');
  await until(() => customer.state === ConnectionState.FAILED, 'stopped instead of looping');
  assert.equal(customer.lastError.code, 'SOCKET_REFUSED');
  assert.ok(customer.lastError.message.includes('too many sockets'));
  customer.stop();
});

test('token mode sends the bearer token and no CSRF token of its own accord', async () => {
  const server = new FakeChatServer();
  const agent = clientFor(server, 'agent', { document: fakeDocument({ cookie: 'XSRF-TOKEN=abc' }) });
  assert.equal(agent.auth, 'token');
  await until(() => agent.state === ConnectionState.LIVE, 'live');
  const ticketRequest = server.requests.find((r) => r.path === '/api/chat/ws-ticket');
  assert.equal(ticketRequest.headers.authorization, 'Bearer agent:7:Agent Smith');
  assert.equal(ticketRequest.headers['x-xsrf-token'], undefined);
  agent.stop();
});

test('the default back-off climbs from 0.5 s to at most 8 s, at least half of it fixed', () => {
  assert.deepEqual(DEFAULT_BACKOFF, { baseMs: 500, maxMs: 8000 });
  assert.equal(backoffDelay(1, { random: () => 1 }), 500);
  for (let attempt = 5; attempt <= 60; attempt++) {
    assert.equal(backoffDelay(attempt, { random: () => 1 }), 8000);
    assert.equal(backoffDelay(attempt, { random: () => 0 }), 4000);
  }
});

for (const [target, type] of [['window', 'online'], ['window', 'focus'], ['document', 'visibilitychange']]) {
  test(`a waiting reconnect goes at once on ${type}`, async () => {
    const server = new FakeChatServer();
    const page = { window: new EventTarget(), document: fakeDocument() };
    const customer = clientFor(server, 'customer', { ...page, backoff: { baseMs: 20000, maxMs: 20000 } });
    await until(() => customer.state === ConnectionState.LIVE, 'live');
    server.online = false;
    server.cutSockets();
    await until(() => customer.state === ConnectionState.RECONNECTING, 'waiting 10-20 s to reconnect');
    server.online = true;
    page[target].dispatchEvent(new Event(type));
    await until(() => customer.state === ConnectionState.LIVE, 'live at once', 1000);
    customer.stop();
  });
}

test('a hidden page does not reconnect early on visibilitychange, and a failed chat waits for Retry', async () => {
  const server = new FakeChatServer();
  const page = { window: new EventTarget(), document: fakeDocument() };
  const customer = clientFor(server, 'customer', { ...page, backoff: { baseMs: 20000, maxMs: 20000 } });
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.cutSockets();
  await until(() => customer.state === ConnectionState.RECONNECTING, 'waiting');
  page.document.visibilityState = 'hidden';
  page.document.dispatchEvent(new Event('visibilitychange'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(customer.state, ConnectionState.RECONNECTING);
  customer.stop();

  const refused = clientFor(server, 'customer', { ...page, ticketId: 404 });
  await until(() => refused.state === ConnectionState.FAILED, 'failed');
  const requests = server.requests.length;
  page.window.dispatchEvent(new Event('online'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(server.requests.length, requests);
  refused.stop();
});

/** Ticket 1's messages get ids 2, 4, 6 (ticket 2 has the odd ones), so a reset database hands out lower ids. */
function serverWithInterleavedHistory() {
  const server = new FakeChatServer({ tickets: [{ id: 1, name: 'Jane' }, { id: 2, name: 'Joe' }] });
  for (const text of ['old a', 'old b', 'old c']) {
    server.post(2, { senderType: 'agent', senderName: 'Agent Smith', text: 'elsewhere' });
    server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text });
  }
  return server;
}

test('after a restart on a reset database the conversation is reloaded, not new messages dropped as seen', async () => {
  const server = serverWithInterleavedHistory();
  const warnings = [];
  const customer = clientFor(server, 'customer', { logger: { info() {}, warn: (line) => warnings.push(line) } });
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  assert.deepEqual(texts(customer), ['old a', 'old b', 'old c']);
  server.socketsEnabled = false;
  server.cutSockets();
  server.resetDatabase();
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'fresh' }); // id 1
  server.socketsEnabled = true;
  await until(() => texts(customer).join() === 'fresh', 'reloaded', 5000);
  await until(() => customer.state === ConnectionState.LIVE, 'live again');
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'later' }); // id 2, shown as 'old a' before
  await until(() => texts(customer).join() === 'fresh,later', 'the next message shows');
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0].includes('no longer matches'), warnings[0]);
  customer.stop();
});

test('a live message contradicting the one shown under its id reloads the conversation', async () => {
  const server = new FakeChatServer();
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'before' });
  const customer = clientFor(server, 'customer');
  const unsent = [];
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.resetDatabase();
  server.post(1, { senderType: 'customer', senderName: 'Jane Customer', text: 'after' }); // id 1 again, live
  await until(() => texts(customer).join() === 'after', 'reloaded');
  unsent.push(customer.send('still goes out'));
  await until(() => unsent[0].status === 'sent', 'sent after the reload');
  assert.deepEqual(texts(customer), ['after', 'still goes out']);
  customer.stop();
});

test('polling checks the history when it resumes after an outage', async () => {
  const server = serverWithInterleavedHistory();
  const customer = clientFor(server, 'customer', { WebSocket: undefined, wsBase: null });
  await until(() => customer.state === ConnectionState.POLLING && texts(customer).length === 3, 'polling');
  server.online = false;
  await until(() => customer.state === ConnectionState.OFFLINE, 'offline');
  server.resetDatabase();
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'fresh' });
  server.online = true;
  await until(() => texts(customer).join() === 'fresh', 'reloaded');
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'later' });
  await until(() => texts(customer).join() === 'fresh,later', 'polled on');
  customer.stop();
});

test('a server without ws-tickets is polled, said once in the console and not reported as an error', async () => {
  const server = new FakeChatServer();
  server.wsTicketsServed = false;
  const lines = [];
  const errors = [];
  const page = { window: new EventTarget(), document: fakeDocument() };
  const customer = cookieClient(server, { ...page, logger: { info: (line) => lines.push(line), warn() {} } });
  customer.addEventListener('error', (e) => errors.push(e.detail.error.code));
  await until(() => customer.state === ConnectionState.POLLING, 'polling');
  page.window.dispatchEvent(new Event('focus')); // tries the socket again at once, quietly
  await until(() => server.requests.filter((r) => r.path === '/api/chat/ws-ticket').length >= 2, 'socket tried again');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(customer.state, ConnectionState.POLLING);
  assert.deepEqual(errors, ['SOCKET_UNAVAILABLE'], 'one error event, which the element does not show');
  assert.equal(lines.filter((line) => line.includes('no WebSocket tickets')).length, 1);
  customer.stop();
});

test('in cookie mode a host 403 on a read that worked before means the session ended; a first one is an access refusal', async () => {
  const server = new FakeChatServer();
  server.signedOutAnswer = '403';
  const customer = cookieClient(server, { WebSocket: undefined, wsBase: null });
  await until(() => customer.state === ConnectionState.POLLING, 'polling');
  server.session = null;
  await until(() => customer.state === ConnectionState.FAILED, 'stopped');
  assert.equal(customer.lastError.code, 'UNAUTHENTICATED');
  assert.equal(customer.lastError.sessionExpired, true);
  customer.stop();

  server.session = 'not-signed-in';
  const never = cookieClient(server, { WebSocket: undefined, wsBase: null });
  await until(() => never.state === ConnectionState.FAILED, 'refused at once');
  assert.equal(never.lastError.code, 'FORBIDDEN');
  never.stop();
});

test('a reload during a connection attempt abandons that attempt and starts over', async () => {
  const server = serverWithInterleavedHistory();
  const customer = clientFor(server, 'customer');
  await until(() => customer.state === ConnectionState.LIVE, 'live');
  server.socketsEnabled = false;
  server.cutSockets();
  await until(() => customer.state !== ConnectionState.LIVE, 'cut');
  server.resetDatabase();
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'fresh' });
  server.socketsEnabled = true;
  await until(() => texts(customer).join() === 'fresh' && customer.state === ConnectionState.LIVE, 'reloaded and live', 5000);
  server.post(1, { senderType: 'agent', senderName: 'Agent Smith', text: 'later' });
  await until(() => texts(customer).join() === 'fresh,later', 'live after the reload');
  assert.equal(await customer.loadOlder(), 0, 'the reloaded history knows where it starts');
  assert.equal(customer.hasMore, false);
  customer.stop();
});
