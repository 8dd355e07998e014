// Protocol logic of TicketChatClient against the in-memory fake server. Runs in Node
// (node --test chat-web-client/src/test/resources/ticket-chat-test/ticket-chat-client.test.mjs) and, through the shims of
// protocol-tests.html, in Chromium as part of the Maven build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, ConnectionState, MessageStore, TicketChatClient } from '../../../main/resources/META-INF/resources/ticket-chat/ticket-chat-client.js';
import { FakeChatServer } from './fake-chat-server.js';

async function until(condition, what, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function clientFor(server, userType, options = {}) {
  const name = userType === 'agent' ? 'Agent Smith' : 'Jane Customer';
  const client = new TicketChatClient({
    ticketId: 1, userType, user: { id: 7, name },
    tokenProvider: () => `${userType}:7:${name}`,
    apiBase: 'http://fake.test', wsBase: 'ws://fake.test',
    fetch: server.fetch, WebSocket: server.WebSocket,
    backoff: { baseMs: 10, maxMs: 40 }, pollIntervalMs: 20, pageSize: 5,
    ...options,
  });
  client.start();
  return client;
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
