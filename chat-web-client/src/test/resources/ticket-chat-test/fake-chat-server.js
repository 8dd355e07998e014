// An in-memory stand-in for the chat server, speaking the REST + WebSocket protocol of CONTRACT.md closely
// enough to drive TicketChatClient and <ticket-chat> in tests: hand its `fetch` and `WebSocket` to the client.
// Tokens are "agent:<id>:<name>" or "customer:<id>:<name>"; anything else is refused with 401.
// Cookie mode: `session` plays the host's session cookie (same token format, null = signed out), and
// `csrf` a Spring Security CsrfFilter: {token, headerName} required on POST/PUT/PATCH/DELETE, a refusal
// answered like Spring Boot's error page would (403, not the chat's error shape), calling `onRefusal` so
// a test can hand out a new token the way Spring Security sets a fresh cookie on that response.

const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const fail = (status, code, message) => json(status, { success: false, message, error: { code } });
const loginPage = (redirected) => {
  const response = new Response('<!doctype html><title>Please sign in</title><form action="/login"></form>',
    { status: 200, headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
  if (redirected) Object.defineProperty(response, 'redirected', { value: true });
  return response;
};

export class FakeChatServer {
  constructor({ tickets = [{ id: 1, name: 'Jane Customer', issue_title: 'Printer on fire' }] } = {}) {
    this.tickets = new Map(tickets.map((t) => [String(t.id), t]));
    this.messages = [];
    this.sockets = new Set();
    this.socketsEnabled = true;
    this.online = true;
    this.requests = [];
    this.frames = [];
    this.nextId = 1;
    this.wsTickets = new Map();
    this.session = null;
    // or 'redirect' (a fetch that followed a 302 to a login page), 'html', or '403' (Spring's Http403ForbiddenEntryPoint)
    this.signedOutAnswer = '401';
    this.csrf = null;
    this.fetch = this.#fetch.bind(this);
    const server = this;
    this.WebSocket = class extends FakeSocket {
      constructor(url) {
        super(server, url);
      }
    };
  }

  /** Stores a message as if some other client had posted it, and tells the room. */
  post(ticketId, { senderType, senderId = 99, senderName, text, clientMessageId = null }) {
    const existing = clientMessageId && this.messages.find((m) => m.ticket_id === Number(ticketId)
      && m.sender_type === senderType && m.client_message_id === clientMessageId);
    if (existing) return { message: existing, created: false };
    const message = {
      id: this.nextId++, ticket_id: Number(ticketId), sender_type: senderType, sender_id: senderId,
      sender_name: senderName, message: text, message_type: 'text', is_read: false, read_at: null,
      is_edited: false, edited_at: null, parent_message_id: null, client_message_id: clientMessageId,
      created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    };
    this.messages.push(message);
    this.broadcast(ticketId, toEvent(message));
    return { message, created: true };
  }

  broadcast(ticketId, event, except = null) {
    for (const socket of this.sockets) {
      if (socket !== except && socket.room === String(ticketId)) socket.deliver(event);
    }
  }

  /** Drops every socket as a network cut would, without a close handshake. */
  cutSockets() {
    for (const socket of [...this.sockets]) socket.drop(1006);
  }

  /** Starts over with an empty history and ids from 1, as a server on a reset database would. */
  resetDatabase() {
    this.messages = [];
    this.nextId = 1;
  }

  /** Closes every socket as the server does when a caller's session or token ends. */
  closeSockets(code, reason) {
    for (const socket of [...this.sockets]) socket.drop(code, reason);
  }

  #identity(init) {
    const header = new Headers(init?.headers).get('Authorization');
    if (header == null) return init?.credentials === 'omit' ? null : parseIdentity(this.session ?? '');
    return parseIdentity(header.replace(/^Bearer /, ''));
  }

  async #fetch(input, init = {}) {
    const url = new URL(String(input), 'http://fake.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers));
    this.requests.push({ method, path: url.pathname + url.search, body: init.body ? JSON.parse(init.body) : null, headers, credentials: init.credentials });
    await Promise.resolve();
    if (!this.online) throw new TypeError('Failed to fetch');
    // As in Spring Security, the CSRF check comes before the one for a signed-in caller, and requests with
    // a bearer token skip it (a resource server's default).
    if (this.csrf && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && !headers.authorization
        && headers[this.csrf.headerName.toLowerCase()] !== this.csrf.token) {
      this.csrf.onRefusal?.();
      return json(403, { timestamp: new Date().toISOString(), status: 403, error: 'Forbidden', path: url.pathname });
    }
    const who = this.#identity(init);
    if (!who) {
      if (this.signedOutAnswer === 'redirect' || this.signedOutAnswer === 'html') return loginPage(this.signedOutAnswer === 'redirect');
      if (this.signedOutAnswer === '403') return json(403, { timestamp: new Date().toISOString(), status: 403, error: 'Forbidden', path: url.pathname });
      return fail(401, 'UNAUTHENTICATED', 'Authentication required');
    }
    const parts = url.pathname.split('/').filter(Boolean); // api chat ...
    const body = init.body ? JSON.parse(init.body) : {};

    if (method === 'POST' && url.pathname === '/api/chat/ws-ticket' && this.wsTicketsServed !== false) {
      const ticket = `wst-${Math.random().toString(36).slice(2)}`;
      this.wsTickets.set(ticket, who);
      return json(200, { success: true, data: { ticket, expiresAt: new Date(Date.now() + 30000).toISOString() } });
    }
    if (method === 'GET' && parts[2] === 'messages' && parts.length === 4) {
      const ticket = this.tickets.get(parts[3]);
      if (!ticket) return fail(404, 'NOT_FOUND', 'Ticket not found');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const beforeId = Number(url.searchParams.get('beforeId') ?? Infinity);
      const afterId = Number(url.searchParams.get('afterId') ?? 0);
      const all = this.messages.filter((m) => m.ticket_id === ticket.id && m.id < beforeId && m.id > afterId);
      const list = url.searchParams.has('afterId') ? all.slice(0, limit) : all.slice(-limit);
      const paging = { hasMore: all.length > list.length, limit, oldestId: list[0]?.id ?? null, newestId: list.at(-1)?.id ?? null };
      return json(200, { success: true, data: list, ticket, paging });
    }
    if (method === 'POST' && url.pathname === '/api/chat/messages') {
      if (!this.tickets.has(String(body.ticketId))) return fail(404, 'NOT_FOUND', 'Ticket not found');
      const refusal = this.#refusal(body.message);
      if (refusal) return fail(400, 'VALIDATION_FAILED', refusal);
      const { message, created } = this.post(body.ticketId, {
        senderType: who.type, senderId: who.id, senderName: who.name, text: body.message,
        clientMessageId: body.clientMessageId ?? null,
      });
      const { id, ticket_id, sender_type, sender_name, created_at } = message;
      return json(created ? 201 : 200, {
        success: true, message: 'Chat message added successfully',
        data: { id, ticket_id, sender_type, sender_name, message: message.message, created_at },
      });
    }
    if (method === 'PUT' && parts[2] === 'messages' && parts[3] === 'read') {
      this.markRead(parts[4], who.type);
      return json(200, { success: true, message: 'Messages marked as read' });
    }
    if (method === 'GET' && parts[2] === 'unread') {
      const unreadCount = this.messages.filter((m) => m.ticket_id === Number(parts[3])
        && m.sender_type !== parts[4] && !m.is_read).length;
      return json(200, { success: true, data: { unreadCount } });
    }
    return fail(404, 'NOT_FOUND', 'No such endpoint');
  }

  // The server's text rules in short: not blank, at most 10,000 code points once trimmed, and whatever a
  // test adds through `refuseText` (text => reason or null).
  #refusal(text) {
    const trimmed = String(text ?? '').trim();
    if (!trimmed) return 'message must not be blank';
    const length = [...trimmed].length;
    if (length > 10000) return `message must be at most 10000 characters (was ${length})`;
    return this.refuseText?.(text) ?? null;
  }

  markRead(ticketId, readerType) {
    let upTo = 0;
    const readAt = new Date().toISOString();
    for (const m of this.messages) {
      if (m.ticket_id === Number(ticketId) && m.sender_type !== readerType) {
        if (!m.is_read) Object.assign(m, { is_read: true, read_at: readAt });
        upTo = Math.max(upTo, m.id);
      }
    }
    if (upTo) this.broadcast(ticketId, { type: 'MESSAGES_READ', ticketId: Number(ticketId), userType: readerType, upToMessageId: upTo, readAt });
  }

  onFrame(socket, frame) {
    this.frames.push(frame);
    const who = socket.who;
    switch (frame.type) {
      case 'JOIN_TICKET': {
        if (!this.tickets.has(String(frame.ticketId))) {
          socket.deliver({ type: 'ERROR', code: 'NOT_FOUND', message: 'Ticket not found' });
          return;
        }
        socket.room = String(frame.ticketId);
        socket.deliver({ type: 'JOINED_ROOM', ticketId: frame.ticketId, userType: who.type, message: `Joined ticket ${frame.ticketId} chat room` });
        if (frame.lastMessageId != null) {
          for (const m of this.messages) {
            if (m.ticket_id === Number(frame.ticketId) && m.id > frame.lastMessageId) socket.deliver(toEvent(m));
          }
        }
        return;
      }
      case 'SEND_MESSAGE': {
        const refusal = this.#refusal(frame.message);
        if (refusal) {
          socket.deliver({ type: 'ERROR', code: 'VALIDATION_FAILED', message: refusal, clientMessageId: frame.clientMessageId });
          return;
        }
        const { message } = this.post(frame.ticketId, {
          senderType: who.type, senderId: who.id, senderName: who.name,
          text: frame.message, clientMessageId: frame.clientMessageId,
        });
        socket.deliver({ type: 'MESSAGE_ACK', ticketId: frame.ticketId, clientMessageId: frame.clientMessageId, messageId: message.id, timestamp: message.created_at });
        return;
      }
      case 'TYPING':
        this.broadcast(frame.ticketId, { type: 'USER_TYPING', ticketId: frame.ticketId, userType: who.type, [who.type === 'agent' ? 'agentName' : 'customerName']: who.name, userId: who.id }, socket);
        return;
      case 'STOP_TYPING':
        this.broadcast(frame.ticketId, { type: 'USER_STOPPED_TYPING', ticketId: frame.ticketId, userType: who.type }, socket);
        return;
      case 'MARK_READ':
        if (this.failNextMarkRead) {
          this.failNextMarkRead = false;
          socket.deliver({ type: 'ERROR', code: 'INTERNAL', message: 'Something went wrong', ticketId: frame.ticketId, requestType: 'MARK_READ' });
          return;
        }
        this.markRead(frame.ticketId, who.type);
        return;
      case 'LEAVE_TICKET':
        this.broadcast(socket.room, { type: 'USER_STOPPED_TYPING', ticketId: Number(socket.room), userType: who.type }, socket);
        socket.room = null;
        return;
      case 'PING':
        socket.deliver({ type: 'PONG' });
        return;
      default:
        socket.deliver({ type: 'ERROR', code: 'VALIDATION_FAILED', message: 'Unknown event type' });
    }
  }
}

function parseIdentity(credential) {
  const [type, id, name] = credential.split(':');
  return type === 'agent' || type === 'customer' ? { type, id: Number(id), name } : null;
}

function toEvent(m) {
  return {
    type: 'NEW_MESSAGE', ticketId: m.ticket_id, message: m.message, userType: m.sender_type,
    agentName: m.sender_type === 'agent' ? m.sender_name : null,
    customerName: m.sender_type === 'customer' ? m.sender_name : null,
    messageId: m.id, timestamp: m.created_at, clientMessageId: m.client_message_id,
    senderId: m.sender_id, senderName: m.sender_name, messageType: m.message_type, parentMessageId: null,
  };
}

class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;

  constructor(server, url) {
    this.server = server;
    this.url = url;
    this.readyState = 0;
    this.room = null;
    // Tickets are single-use, as on the real server.
    const ticket = new URL(url).searchParams.get('ticket') ?? '';
    this.who = server.wsTickets.get(ticket) ?? null;
    server.wsTickets.delete(ticket);
    setTimeout(() => {
      if (!server.socketsEnabled || !server.online || !this.who) {
        this.drop(1006);
        return;
      }
      this.readyState = 1;
      server.sockets.add(this);
      this.onopen?.({});
    }, 5);
  }

  send(data) {
    if (this.readyState !== 1) throw new Error('InvalidStateError');
    const frame = JSON.parse(data);
    setTimeout(() => this.readyState === 1 && this.server.onFrame(this, frame), 1);
  }

  deliver(event) {
    if (this.readyState !== 1) return;
    const data = JSON.stringify(event);
    setTimeout(() => this.readyState === 1 && this.onmessage?.({ data }), 1);
  }

  close(code = 1000, reason = '') {
    this.drop(code, reason);
  }

  drop(code, reason = '') {
    if (this.readyState === 3) return;
    const wasInRoom = this.room;
    this.readyState = 3;
    this.server.sockets.delete(this);
    if (wasInRoom) {
      this.server.broadcast(wasInRoom, { type: 'USER_STOPPED_TYPING', ticketId: Number(wasInRoom), userType: this.who.type, userId: this.who.id });
    }
    setTimeout(() => this.onclose?.({ code, reason, wasClean: code === 1000 }), 1);
  }
}
