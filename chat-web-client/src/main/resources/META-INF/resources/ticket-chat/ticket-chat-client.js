// TicketChat protocol client: REST + WebSocket as in the chat guide and CONTRACT.md. No DOM access, so it
// runs in any browser page, a worker or Node (pass fetch/WebSocket in when the global ones are missing).

/** Connection states, in words a UI can map to text. */
export const ConnectionState = Object.freeze({
  IDLE: 'idle',
  CONNECTING: 'connecting',
  LIVE: 'live',
  RECONNECTING: 'reconnecting',
  POLLING: 'polling',
  OFFLINE: 'offline',
  FAILED: 'failed',
  CLOSED: 'closed',
});

/** Delivery state of one message as this client sees it. */
export const MessageStatus = Object.freeze({ PENDING: 'pending', SENT: 'sent', FAILED: 'failed' });

export const MAX_MESSAGE_CODE_POINTS = 10000;

// Requests the user didn't make by hand: their failures are reported quietly (context 'background').
const BACKGROUND_REQUESTS = new Set(['MARK_READ', 'TYPING', 'STOP_TYPING', 'PING', 'LEAVE_TICKET']);
const RETRYABLE_CODES = new Set(['NETWORK', 'UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED', 'TIMEOUT']);
// Codes that make reconnecting pointless until someone changes the token, signs in again or picks another
// ticket. CSRF_REFUSED is the client's own: the host's security refused a state-changing request even with
// a freshly read CSRF token. SOCKET_REFUSED: the server closed two sockets in a row with 1008.
const FATAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_REFUSED', 'SOCKET_REFUSED']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How requests are authenticated: a bearer token from the host, or the host's own session cookie. */
export const AuthMode = Object.freeze({ TOKEN: 'token', COOKIE: 'cookie' });

/** A failed request or a refused command; `code` is one of the contract's error codes or NETWORK. */
export class ChatError extends Error {
  constructor(code, message, { status = 0, fields = null, clientMessageId = null, sessionExpired = false } = {}) {
    super(message || code);
    this.name = 'ChatError';
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.clientMessageId = clientMessageId;
    // UNAUTHENTICATED seen as a redirect or an HTML page (a login form) instead of the chat's JSON.
    this.sessionExpired = sessionExpired;
  }

  get retryable() {
    return RETRYABLE_CODES.has(this.code);
  }

  get fatal() {
    return FATAL_CODES.has(this.code);
  }
}

function codeForStatus(status) {
  switch (status) {
    case 400: return 'VALIDATION_FAILED';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 409: return 'CONFLICT';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 429: return 'RATE_LIMITED';
    case 503: return 'UNAVAILABLE';
    default: return status >= 500 ? 'INTERNAL' : 'UNKNOWN';
  }
}

/**
 * Reconnect delays: 0.5 s doubling up to 8 s. A restarted server is found again within 8 s (4 s on
 * average once capped), and a page that regains focus or the network tries at once anyway.
 */
export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 500, maxMs: 8000 });

/**
 * Delay before reconnect attempt `attempt` (1-based): exponential growth capped at maxMs, with "equal jitter"
 * (half fixed, half random) so that many clients cut off together do not come back in lock-step.
 */
export function backoffDelay(attempt, { baseMs = DEFAULT_BACKOFF.baseMs, maxMs = DEFAULT_BACKOFF.maxMs, random = Math.random } = {}) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function codePointLength(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A message's length as the server counts it: code points (an emoji is one, not two UTF-16 units) of the
 * text without leading and trailing white space. This is what MAX_MESSAGE_CODE_POINTS limits.
 */
export function messageLength(text) {
  return codePointLength(String(text ?? '').trim());
}

// What the server counts as nothing when it decides whether a text is empty (docs/text-rules.md): white
// space, format characters (zero-width space, bidi controls, ...), other default-ignorables, U+2800.
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** Whether the server would refuse `text` as empty: nothing but white space and invisible characters. */
export function isBlankMessage(text) {
  return INVISIBLE_ONLY.test(String(text ?? ''));
}

function senderNameOf(event) {
  return event.senderName ?? (event.userType === 'customer' ? event.customerName : event.agentName)
    ?? event.agentName ?? event.customerName ?? null;
}

/** A message object of the REST API (snake_case) in the client's shape. */
export function fromRest(m) {
  return {
    id: m.id,
    ticketId: m.ticket_id,
    clientMessageId: m.client_message_id ?? null,
    senderType: m.sender_type,
    senderId: m.sender_id ?? null,
    senderName: m.sender_name ?? null,
    text: m.message ?? '',
    messageType: m.message_type ?? 'text',
    createdAt: m.created_at ?? null,
    isRead: Boolean(m.is_read),
    status: MessageStatus.SENT,
  };
}

/** A NEW_MESSAGE event in the client's shape. */
export function fromEvent(e) {
  return {
    id: e.messageId,
    ticketId: e.ticketId,
    clientMessageId: e.clientMessageId ?? null,
    senderType: e.userType ?? e.senderType,
    senderId: e.senderId ?? e.userId ?? null,
    senderName: senderNameOf(e),
    text: e.message ?? '',
    messageType: e.messageType ?? 'text',
    createdAt: e.timestamp ?? null,
    isRead: false,
    status: MessageStatus.SENT,
  };
}

/**
 * The ticket's messages in display order: confirmed ones by id, then this client's unconfirmed sends in the
 * order they were written. De-duplicates by server id and, for this client's own sends, by clientMessageId.
 * Every entry has a `key` that stays stable when a pending send is confirmed, so a view can reuse its node.
 */
export class MessageStore {
  #confirmed = [];
  #pending = [];
  #byId = new Map();
  #ownByClientId = new Map();

  get messages() {
    return [...this.#confirmed, ...this.#pending];
  }

  get size() {
    return this.#confirmed.length + this.#pending.length;
  }

  get oldestId() {
    return this.#confirmed.length ? this.#confirmed[0].id : null;
  }

  get newestId() {
    return this.#confirmed.length ? this.#confirmed[this.#confirmed.length - 1].id : null;
  }

  get pending() {
    return this.#pending.filter((m) => m.status === MessageStatus.PENDING);
  }

  has(id) {
    return this.#byId.has(id);
  }

  byKey(key) {
    return this.messages.find((m) => m.key === key) ?? null;
  }

  /** Adds a send of this client that the server has not confirmed yet. */
  addOwn(message) {
    const entry = { ...message, key: `c:${message.clientMessageId}`, own: true };
    this.#pending.push(entry);
    this.#ownByClientId.set(entry.clientMessageId, entry);
    return entry;
  }

  /**
   * Adds a message the server reported (history, poll or event). Returns the entry when something changed,
   * null for a duplicate. `isOwnSide` tells whether a clientMessageId may match one of this client's sends.
   */
  accept(message, isOwnSide) {
    const known = this.#byId.get(message.id);
    if (known) {
      if (message.isRead && !known.isRead) known.isRead = true;
      return null;
    }
    const mine = isOwnSide && message.clientMessageId ? this.#ownByClientId.get(message.clientMessageId) : null;
    if (mine) return this.confirm(mine.clientMessageId, message.id, message.createdAt);
    const entry = { ...message, key: `m:${message.id}`, own: false };
    this.#insertConfirmed(entry);
    return entry;
  }

  /**
   * Marks one of this client's sends as stored under `id`. If the same message already arrived by another
   * route (for example a poll that raced the POST response), the pending copy is dropped instead.
   */
  confirm(clientMessageId, id, createdAt) {
    const mine = this.#ownByClientId.get(clientMessageId);
    if (!mine) return null;
    const index = this.#pending.indexOf(mine);
    if (index < 0) return null; // already confirmed
    this.#pending.splice(index, 1);
    const existing = this.#byId.get(id);
    if (existing) {
      existing.own = true;
      existing.clientMessageId = clientMessageId;
      mine.removed = true;
      return mine;
    }
    mine.id = id;
    mine.createdAt = createdAt ?? mine.createdAt;
    mine.status = MessageStatus.SENT;
    mine.error = null;
    this.#insertConfirmed(mine);
    return mine;
  }

  fail(clientMessageId, error) {
    const mine = this.#ownByClientId.get(clientMessageId);
    if (!mine || mine.status !== MessageStatus.PENDING || mine.id != null) return null;
    mine.status = MessageStatus.FAILED;
    mine.error = error;
    return mine;
  }

  /** Puts a failed send back in the queue, at the end, keeping its clientMessageId (so a repeat is harmless). */
  requeue(clientMessageId) {
    const mine = this.#ownByClientId.get(clientMessageId);
    if (!mine || mine.status !== MessageStatus.FAILED) return null;
    this.#pending.splice(this.#pending.indexOf(mine), 1);
    this.#pending.push(mine);
    mine.status = MessageStatus.PENDING;
    mine.error = null;
    return mine;
  }

  discard(clientMessageId) {
    const mine = this.#ownByClientId.get(clientMessageId);
    const index = mine ? this.#pending.indexOf(mine) : -1;
    if (index < 0) return null;
    this.#pending.splice(index, 1);
    this.#ownByClientId.delete(clientMessageId);
    mine.removed = true;
    return mine;
  }

  /**
   * Whether `message` contradicts what is stored under its id: another sender or, for a message that came
   * from the server (not one of this client's sends, whose text the server may have normalised), another
   * text. Messages are never edited, so that only happens when the server's history was replaced.
   */
  contradicts(message) {
    const known = this.#byId.get(message.id);
    if (!known) return false;
    return known.senderType !== message.senderType || (known.key.startsWith('m:') && known.text !== message.text);
  }

  /** Forgets every confirmed message (the server's history changed under us); pending sends stay queued. */
  clearConfirmed() {
    const removed = this.#confirmed;
    this.#confirmed = [];
    this.#byId.clear();
    for (const entry of removed) {
      entry.removed = true;
      if (entry.clientMessageId && this.#ownByClientId.get(entry.clientMessageId) === entry) this.#ownByClientId.delete(entry.clientMessageId);
    }
    return removed;
  }

  #insertConfirmed(entry) {
    this.#byId.set(entry.id, entry);
    const list = this.#confirmed;
    let i = list.length;
    while (i > 0 && list[i - 1].id > entry.id) i--;
    list.splice(i, 0, entry);
  }
}

function defaultUuid() {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  // randomUUID needs a secure context; plain-http hosts get a random id that is just as unique in practice.
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function socketBaseFor(apiBase) {
  const base = new URL(apiBase || '/', globalThis.location?.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return base.href.replace(/\/$/, '');
}

function isSameOrigin(apiBase) {
  const page = globalThis.location?.href;
  if (!apiBase || !page) return true;
  return new URL(apiBase, page).origin === new URL(page).origin;
}

function readCookie(doc, name) {
  let cookies;
  try {
    cookies = doc?.cookie ?? '';
  } catch {
    return null; // sandboxed frames may not read cookies
  }
  for (const pair of cookies.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim());
      } catch {
        return pair.slice(at + 1).trim();
      }
    }
  }
  return null;
}

/** Whether a body is the chat's own error answer, as opposed to a host's or a proxy's. */
function isContractShaped(json) {
  return json?.success === false && typeof json?.error?.code === 'string';
}

function readMeta(doc, name) {
  return doc?.querySelector?.(`meta[name="${name}"]`)?.getAttribute('content') || null;
}

/**
 * One ticket's chat for one user. Requests and frames carry the user type but no other identity claims
 * (ids, names): the server takes those from the token and refuses a body that claims anything else, so
 * echoing the host's idea of the user could only turn a harmless difference into a 403.
 * Emits (as CustomEvents with `detail`):
 * - `state` {state, attempt, retryInMs}: connection state changed
 * - `messages` {changed: [entries], removed: [entries], reason}: the message list changed
 * - `history` {loaded, hasMore}: an older page was added
 * - `ticket` {ticket}: ticket summary from the history response
 * - `typing` {userType, name, active}: the other side started or stopped typing
 * - `read` {userType, upToMessageId, readAt}: someone read messages
 * - `unread` {count}: unread count from the server
 * - `error` {error: ChatError}: something failed; `error.fatal` means reconnecting was stopped
 */
export class TicketChatClient extends EventTarget {
  #opt;
  #store = new MessageStore();
  #state = ConnectionState.IDLE;
  #started = false;
  #connecting = false;
  #stopped = false;
  #fatal = null;
  #historyLoaded = false;
  #hasMore = true;
  #loadingOlder = null;
  // Highest id up to which every message has been received through an ordered stream (history, poll or the
  // socket's NEW_MESSAGE sequence). Ids learnt from acks don't move it, so resuming never skips a message.
  #syncedUpTo = 0;
  // While set, messages after this id may be missing (a join whose catch-up has not finished yet); resuming
  // starts from here rather than from #syncedUpTo.
  #gapFrom = null;
  #joinFrom = 0;
  #readByOtherUpTo = 0;
  #lastMarkedRead = 0;
  #attempt = 0;
  #socketFailures = 0;
  #ws = null;
  #joined = false;
  #reconnectTimer = null;
  #pingTimer = null;
  #pongDeadline = null;
  #polling = false;
  #pollTimer = null;
  #restInFlight = new Set();
  #typingSentAt = 0;
  #typingStopTimer = null;
  #remoteTyping = new Map();
  // Back online, or the page is looked at again: skip the back-off wait.
  #onWake = () => {
    if (this.#opt.document?.visibilityState === 'hidden') return;
    this.#wake();
  };
  #credentials;
  #pollVerified = false;
  #toldNoSocket = false;
  #verifying = null;
  #policyRetryAt = null;
  // Counts conversation reloads; a connection attempt begun before one is abandoned and started over.
  #generation = 0;
  // Whether a read of this ticket succeeded: a later 403 on a write is then the host's security (CSRF), not access.
  #readsSucceeded = false;

  /**
   * @param {object} options
   * @param {number|string} options.ticketId
   * @param {'agent'|'customer'} options.userType
   * @param {{id?: number|string, name?: string}} [options.user] who this is, for showing unconfirmed sends
   * @param {(opts: {refresh: boolean}) => Promise<string>|string} [options.tokenProvider] bearer token source;
   *   without it the client runs in cookie mode
   * @param {'token'|'cookie'} [options.auth] default: 'token' with a tokenProvider, 'cookie' without
   * @param {object} [options.csrf] {cookieName = 'XSRF-TOKEN', headerName = 'X-XSRF-TOKEN',
   *   token: string | ({refresh}) => string | {headerName, token}}: how state-changing requests carry the
   *   host's CSRF token (default: the `_csrf` / `_csrf_header` meta tags, else the XSRF-TOKEN cookie)
   * @param {string} [options.apiBase] origin (and path prefix) of the chat server, default the page's origin
   * @param {string} [options.wsBase] ws(s):// base, default derived from apiBase
   */
  constructor(options) {
    super();
    if (options?.ticketId == null) throw new TypeError('ticketId is required');
    if (options.userType !== 'agent' && options.userType !== 'customer') {
      throw new TypeError('userType must be "agent" or "customer"');
    }
    const hasProvider = typeof options.tokenProvider === 'function';
    const auth = options.auth ?? (hasProvider ? AuthMode.TOKEN : AuthMode.COOKIE);
    if (auth !== AuthMode.TOKEN && auth !== AuthMode.COOKIE) throw new TypeError('auth must be "token" or "cookie"');
    if (auth === AuthMode.TOKEN && !hasProvider) throw new TypeError('auth "token" needs a tokenProvider');
    const apiBase = (options.apiBase ?? '').replace(/\/$/, '');
    this.#opt = {
      pageSize: 50,
      pollIntervalMs: 4000,
      pingIntervalMs: 25000,
      pongTimeoutMs: 10000,
      ackTimeoutMs: 15000,
      typingRepeatMs: 3000,
      typingIdleMs: 2500,
      remoteTypingTimeoutMs: 10000,
      fallbackAfterFailures: 2,
      policyRetryWindowMs: 30000,
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      uuid: defaultUuid,
      now: () => Date.now(),
      fetch: globalThis.fetch?.bind(globalThis),
      WebSocket: globalThis.WebSocket,
      document: globalThis.document,
      window: globalThis,
      logger: globalThis.console,
      ...options,
      auth,
      csrf: { cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN', token: null, ...(options.csrf ?? {}) },
      apiBase,
      wsBase: options.wsBase ?? (options.WebSocket ?? globalThis.WebSocket ? socketBaseFor(apiBase) : null),
    };
    // Cookies only reach another origin with 'include' (and the server's CORS allowing credentials).
    this.#credentials = auth === AuthMode.COOKIE && !isSameOrigin(apiBase) ? 'include' : 'same-origin';
  }

  get ticketId() { return this.#opt.ticketId; }
  get userType() { return this.#opt.userType; }
  get state() { return this.#state; }
  get messages() { return this.#store.messages; }
  get hasMore() { return this.#hasMore; }
  get readByOtherUpTo() { return this.#readByOtherUpTo; }
  get lastError() { return this.#fatal; }
  get auth() { return this.#opt.auth; }

  /** Loads the latest page, then goes live over WebSocket (or REST polling). Safe to call once. */
  start() {
    if (this.#started) return;
    this.#started = true;
    this.#logMode();
    const { window: win, document: doc } = this.#opt;
    win?.addEventListener?.('online', this.#onWake);
    win?.addEventListener?.('focus', this.#onWake);
    doc?.addEventListener?.('visibilitychange', this.#onWake);
    this.#connect();
  }

  /** Leaves the room and stops every timer. The client can't be restarted; create a new one. */
  stop() {
    if (this.#stopped) return;
    this.#stopped = true;
    const { window: win, document: doc } = this.#opt;
    win?.removeEventListener?.('online', this.#onWake);
    win?.removeEventListener?.('focus', this.#onWake);
    doc?.removeEventListener?.('visibilitychange', this.#onWake);
    this.stopTyping();
    clearTimeout(this.#reconnectTimer);
    this.#stopPolling();
    const ws = this.#ws;
    if (ws) {
      if (this.#joined) this.#sendFrame({ type: 'LEAVE_TICKET', ticketId: this.#ticketIdValue(), userType: this.userType });
      this.#dropSocket();
      ws.close(1000, 'leaving');
    }
    this.#setState(ConnectionState.CLOSED);
  }

  // Tries at once when a reconnect is waiting (also the socket while polling); a stopped chat waits for
  // Retry. The attempt count stays, so a failure goes on backing off from where it was.
  #wake() {
    if (this.#stopped || !this.#started || this.#fatal || this.#joined || this.#ws || this.#connecting) return;
    if (!this.#reconnectTimer) return;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#connect();
  }

  /** Skips the backoff wait (also after a fatal error, for example once the host has a fresh token). */
  reconnectNow() {
    if (this.#stopped || !this.#started) return;
    this.#fatal = null;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    if (this.#joined) return;
    if (this.#ws) return; // a handshake is under way
    this.#attempt = 0;
    this.#connect();
  }

  /**
   * Sends a text message optimistically: it is in `messages` at once as pending, goes out now when
   * connected, and otherwise waits in the queue until the connection returns. Throws ChatError
   * VALIDATION_FAILED / PAYLOAD_TOO_LARGE for text the server would refuse.
   */
  send(text) {
    const trimmed = String(text ?? '').trim();
    if (isBlankMessage(trimmed)) throw new ChatError('VALIDATION_FAILED', 'Message is empty.');
    if (trimmed.includes('\u0000')) throw new ChatError('VALIDATION_FAILED', 'Message contains a NUL character.');
    if (messageLength(trimmed) > MAX_MESSAGE_CODE_POINTS) {
      throw new ChatError('PAYLOAD_TOO_LARGE', `Message is longer than ${MAX_MESSAGE_CODE_POINTS} characters.`);
    }
    const user = this.#opt.user ?? {};
    const entry = this.#store.addOwn({
      id: null,
      ticketId: this.#ticketIdValue(),
      clientMessageId: this.#opt.uuid(),
      senderType: this.userType,
      senderId: user.id ?? null,
      senderName: user.name ?? null,
      text: trimmed,
      messageType: 'text',
      createdAt: new Date(this.#opt.now()).toISOString(),
      isRead: false,
      status: MessageStatus.PENDING,
    });
    this.stopTyping();
    this.#emitMessages([entry], [], 'sent');
    this.#dispatchSend(entry);
    return entry;
  }

  /** Re-sends a failed message with its original clientMessageId. */
  retrySend(clientMessageId) {
    const entry = this.#store.requeue(clientMessageId);
    if (!entry) return;
    this.#emitMessages([entry], [], 'retry');
    this.#dispatchSend(entry);
  }

  discard(clientMessageId) {
    const entry = this.#store.discard(clientMessageId);
    if (entry) this.#emitMessages([], [entry], 'discarded');
  }

  /** Loads the page before the oldest message shown. Resolves to the number of messages added. */
  loadOlder() {
    if (!this.#historyLoaded || !this.#hasMore) return Promise.resolve(0);
    if (this.#loadingOlder) return this.#loadingOlder;
    const beforeId = this.#store.oldestId;
    if (beforeId == null) return Promise.resolve(0);
    this.#loadingOlder = this.#getPage({ beforeId })
      .then(({ messages, hasMore }) => {
        this.#hasMore = hasMore;
        const added = this.#acceptAll(messages, 'history');
        this.#emit('history', { loaded: added.length, hasMore: this.#hasMore });
        return added.length;
      })
      .catch((error) => {
        this.#emit('error', { error, context: 'history' });
        throw error;
      })
      .finally(() => { this.#loadingOlder = null; });
    return this.#loadingOlder;
  }

  /** Call on every keystroke: TYPING goes out at most every few seconds, STOP_TYPING after a pause. */
  notifyTyping() {
    if (!this.#joined) return;
    const now = this.#opt.now();
    if (!this.#typingSentAt || now - this.#typingSentAt >= this.#opt.typingRepeatMs) {
      this.#typingSentAt = now;
      this.#sendFrame({ type: 'TYPING', ticketId: this.#ticketIdValue(), userType: this.userType });
    }
    clearTimeout(this.#typingStopTimer);
    this.#typingStopTimer = setTimeout(() => this.stopTyping(), this.#opt.typingIdleMs);
  }

  stopTyping() {
    clearTimeout(this.#typingStopTimer);
    this.#typingStopTimer = null;
    if (!this.#typingSentAt) return;
    this.#typingSentAt = 0;
    if (this.#joined) this.#sendFrame({ type: 'STOP_TYPING', ticketId: this.#ticketIdValue(), userType: this.userType });
  }

  /** Marks the other side's messages read, once per newer message. */
  markRead() {
    const newestOther = this.#newestFromOtherSide();
    if (!newestOther || newestOther <= this.#lastMarkedRead) return Promise.resolve(false);
    this.#lastMarkedRead = newestOther;
    if (this.#joined) {
      this.#sendFrame({ type: 'MARK_READ', ticketId: this.#ticketIdValue(), userType: this.userType });
      return Promise.resolve(true);
    }
    return this.#request('PUT', `/api/chat/messages/read/${this.#ticketPath()}`, { userType: this.userType }).then(() => true, (error) => {
      this.#lastMarkedRead = 0;
      this.#emit('error', { error, context: 'read' });
      return false;
    });
  }

  /** Asks the server how many of the other side's messages this user has not read. */
  async fetchUnreadCount() {
    const { body } = await this.#request('GET', `/api/chat/unread/${this.#ticketPath()}/${this.userType}`);
    const count = Number(body?.data?.unreadCount ?? 0);
    this.#emit('unread', { count });
    return count;
  }

  /** Drops the socket as a network failure would (reconnect and resume follow). Meant for tests and demos. */
  simulateDisconnect() {
    this.#ws?.close(4000, 'simulated disconnect');
  }

  // Says once, in the console, how this chat authenticates and why: a host that forgot its token sees it.
  #logMode() {
    const { auth, authReason, ticketId } = this.#opt;
    const why = authReason ?? (auth === AuthMode.COOKIE ? 'no tokenProvider was given' : 'a tokenProvider was given');
    const how = auth === AuthMode.COOKIE
      ? `requests use the page's session cookie (credentials: '${this.#credentials}') and send the host's CSRF token on writes`
      : 'requests send "Authorization: Bearer" from the tokenProvider';
    this.#opt.logger?.info?.(`[ticket-chat] ticket ${ticketId}: ${auth} mode, because ${why}; ${how}.`);
  }

  // ---- connection lifecycle ---------------------------------------------------------------------

  async #connect() {
    // One attempt at a time: an 'online' event or a Retry click during a handshake must not open a second socket.
    if (this.#stopped || this.#fatal || this.#connecting) return;
    this.#connecting = true;
    const generation = this.#generation;
    const current = () => !this.#stopped && generation === this.#generation;
    if (!this.#polling) this.#setState(this.#attempt === 0 ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING);
    try {
      if (!this.#historyLoaded) await this.#loadLatest();
      if (!current()) return;
      if (this.#socketPossible()) await this.#openSocket(current);
      else this.#startPolling();
    } catch (error) {
      if (current()) this.#connectFailed(error);
    } finally {
      this.#connecting = false;
      // The conversation was reloaded meanwhile: this attempt belonged to the old one, start over.
      if (!this.#stopped && generation !== this.#generation) this.#connect();
    }
  }

  #socketPossible() {
    return Boolean(this.#opt.WebSocket && this.#opt.wsBase);
  }

  #connectFailed(error) {
    if (this.#stopped) return;
    const chatError = error instanceof ChatError ? error : new ChatError('NETWORK', error?.message);
    if (chatError.fatal) {
      this.#fatal = chatError;
      this.#stopPolling();
      this.#failPending(chatError);
      this.#setState(ConnectionState.FAILED);
      this.#emit('error', { error: chatError, context: 'connect' });
      return;
    }
    if (chatError.code === 'SOCKET_UNAVAILABLE' && !this.#toldNoSocket) {
      this.#toldNoSocket = true;
      this.#opt.logger?.info?.(`[ticket-chat] ticket ${this.#opt.ticketId}: this server offers no WebSocket tickets (${chatError.message}); `
        + `reading new messages every ${this.#opt.pollIntervalMs / 1000} s instead, without typing indicators.`);
    }
    if (this.#historyLoaded && this.#shouldFallBack(chatError)) this.#startPolling();
    if (this.#attempt === 0 || !this.#polling) this.#emit('error', { error: chatError, context: 'connect' });
    this.#scheduleReconnect();
  }

  // The ticket endpoint missing (404 on a host without the socket adapter) or repeated socket failures
  // while REST works mean sockets are blocked here: poll instead, and keep trying the socket in the back.
  #shouldFallBack(error) {
    return error.code === 'SOCKET_UNAVAILABLE' || this.#socketFailures >= this.#opt.fallbackAfterFailures;
  }

  #scheduleReconnect() {
    if (this.#stopped || this.#fatal || this.#reconnectTimer) return;
    this.#attempt++;
    const delay = backoffDelay(this.#attempt, { ...this.#opt.backoff, random: this.#opt.random });
    if (!this.#polling) {
      const offline = globalThis.navigator?.onLine === false;
      this.#setState(offline ? ConnectionState.OFFLINE : ConnectionState.RECONNECTING, { retryInMs: delay });
    }
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      this.#connect();
    }, delay);
  }

  async #loadLatest() {
    // The unread count is a nicety (the chat works without it), and it must land before the messages so
    // that a view which marks them read right away isn't overwritten by a stale count.
    const [{ messages, ticket, hasMore }] = await Promise.all([this.#getPage({}), this.fetchUnreadCount().catch(() => null)]);
    if (ticket) this.#emit('ticket', { ticket });
    this.#hasMore = hasMore;
    this.#historyLoaded = true;
    this.#acceptAll(messages, 'initial');
  }

  async #openSocket(current) {
    let ticket;
    try {
      const { body } = await this.#request('POST', '/api/chat/ws-ticket');
      ticket = body?.data?.ticket;
    } catch (error) {
      if (error.code === 'NOT_FOUND' && error.status === 404) {
        throw new ChatError('SOCKET_UNAVAILABLE', 'This server offers no WebSocket tickets.', { status: 404 });
      }
      throw error;
    }
    if (!current()) return;
    if (!ticket) throw new ChatError('SOCKET_UNAVAILABLE', 'No WebSocket ticket in the response.');
    const url = `${this.#opt.wsBase}/ws/chat?ticket=${encodeURIComponent(ticket)}`;
    let ws;
    try {
      ws = new this.#opt.WebSocket(url);
    } catch (error) {
      this.#socketFailures++;
      throw new ChatError('NETWORK', error?.message);
    }
    this.#ws = ws;
    ws.onopen = () => {
      if (this.#ws !== ws) return;
      this.#joinFrom = this.#resumePoint();
      this.#sendFrame({
        type: 'JOIN_TICKET',
        ticketId: this.#ticketIdValue(),
        userType: this.userType,
        ...(this.#joinFrom ? { lastMessageId: this.#joinFrom } : {}),
      });
    };
    ws.onmessage = (event) => {
      if (this.#ws === ws) this.#onFrame(event.data);
    };
    ws.onerror = () => {}; // a close event always follows and carries the handling
    ws.onclose = (event) => {
      if (this.#ws !== ws) return;
      const wasJoined = this.#joined;
      this.#dropSocket();
      if (this.#stopped || this.#fatal) return;
      if (event?.code === 1008) {
        this.#onPolicyClose(event.reason);
        return;
      }
      if (!wasJoined) this.#socketFailures++;
      if (this.#shouldFallBack(new ChatError('NETWORK'))) this.#startPolling();
      if (wasJoined) this.#emit('error', { error: new ChatError('NETWORK', 'Connection lost.'), context: 'socket' });
      this.#scheduleReconnect();
    };
  }

  // 1008: the server no longer accepts this socket's credential (the host's session ended, a token expired)
  // or refuses it outright. One fresh ws-ticket at once settles which: a signed-out session answers it with
  // 401 (session expired, stop); a renewed one goes live again. A second 1008 soon after stops as well.
  #onPolicyClose(reason) {
    const now = this.#opt.now();
    if (this.#policyRetryAt != null && now - this.#policyRetryAt < this.#opt.policyRetryWindowMs) {
      this.#connectFailed(new ChatError('SOCKET_REFUSED', `The chat server closed the connection${reason ? ` (${reason})` : ''}.`));
      return;
    }
    this.#policyRetryAt = now;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#setState(ConnectionState.RECONNECTING);
    this.#connect();
  }

  #dropSocket() {
    this.#ws = null;
    this.#joined = false;
    this.#typingSentAt = 0;
    clearInterval(this.#pingTimer);
    clearTimeout(this.#pongDeadline);
    this.#pingTimer = null;
    this.#pongDeadline = null;
    for (const entry of this.#store.pending) {
      clearTimeout(entry.ackTimer);
      if (entry.inFlight === 'socket') entry.inFlight = null;
    }
    this.#clearRemoteTyping();
  }

  #onJoined() {
    this.#joined = true;
    this.#attempt = 0;
    this.#socketFailures = 0;
    this.#fatal = null;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#stopPolling();
    this.#setState(ConnectionState.LIVE);
    this.#pingTimer = setInterval(() => this.#ping(), this.#opt.pingIntervalMs);
    this.#flushQueue();
    // The server replays what came after lastMessageId, but it may do so a page at a time, and without a
    // lastMessageId (empty history) it replays nothing. A forward read over REST closes any such gap;
    // duplicates are dropped by id.
    const ws = this.#ws;
    const from = this.#joinFrom;
    this.#gapFrom = from;
    const joined = () => this.#ws === ws && this.#joined;
    this.#catchUpFrom(from, joined)
      .then(async (complete) => {
        if (complete && this.#gapFrom === from) this.#gapFrom = null;
        // Receipts given while this client was not in the room (before the first join, or during a cut)
        // are not replayed as events; the latest page's is_read flags carry them. The same page shows
        // whether the server still has the history this page holds.
        if (complete && joined()) await this.#verifyHistory(joined);
      })
      .catch(() => {}); // the gap stays recorded and the next join starts from it
  }

  /**
   * Reads the latest page (taking its read receipts) and compares it with what is shown. Every message
   * known before the read was stored before it, so the page's newest id can't be lower than the newest one
   * shown then; if it is, the server's history went back (a restored or reset database) and the view is
   * reloaded rather than dropping the new messages as already seen. Resolves false when it reloaded.
   */
  #verifyHistory(active = () => true) {
    this.#verifying ??= (async () => {
      const newestShown = this.#store.newestId;
      const { messages } = await this.#getPage({});
      if (!active() || this.#stopped) return true;
      const newestThere = messages.length ? messages[messages.length - 1].id : 0;
      const contradiction = messages.find((m) => this.#store.contradicts(m));
      if (newestShown != null && newestThere < newestShown || contradiction) {
        this.#reloadConversation(contradiction
          ? `message ${contradiction.id} differs from the one shown under that id`
          : `its newest message is ${newestThere || 'none'}, this page shows ${newestShown}`);
        return false;
      }
      this.#acceptAll(messages, 'refresh');
      return true;
    })().finally(() => { this.#verifying = null; });
    return this.#verifying;
  }

  // Starts the view over from the server's current history. Unsent messages stay queued and go out again
  // with their clientMessageIds.
  #reloadConversation(why) {
    if (this.#stopped) return;
    this.#opt.logger?.warn?.(`[ticket-chat] ticket ${this.#opt.ticketId}: the server's history no longer matches this page (${why}); reloading the conversation.`);
    const ws = this.#ws;
    if (ws) {
      this.#dropSocket();
      ws.close(1000, 'reloading');
    }
    this.#stopPolling();
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    for (const entry of this.#store.pending) entry.inFlight = null;
    const removed = this.#store.clearConfirmed();
    this.#syncedUpTo = 0;
    this.#gapFrom = null;
    this.#joinFrom = 0;
    this.#readByOtherUpTo = 0;
    this.#lastMarkedRead = 0;
    this.#historyLoaded = false;
    this.#hasMore = true;
    this.#attempt = 0;
    this.#generation++;
    this.#emitMessages([], removed, 'reset');
    this.#connect();
  }

  #resumePoint() {
    return this.#gapFrom ?? this.#syncedUpTo;
  }

  #ping() {
    if (!this.#joined || this.#pongDeadline) return;
    this.#sendFrame({ type: 'PING' });
    const ws = this.#ws;
    // No frame at all before the deadline means a half-open connection: close it and reconnect.
    this.#pongDeadline = setTimeout(() => ws?.close(4001, 'heartbeat timeout'), this.#opt.pongTimeoutMs);
  }

  #onFrame(raw) {
    let event;
    try {
      event = JSON.parse(raw);
    } catch {
      return; // not ours to crash on; the server only sends JSON
    }
    clearTimeout(this.#pongDeadline);
    this.#pongDeadline = null;
    if (event.ticketId != null && String(event.ticketId) !== String(this.#opt.ticketId)) return;
    switch (event.type) {
      case 'JOINED_ROOM': this.#onJoined(); break;
      case 'NEW_MESSAGE': this.#onNewMessage(event); break;
      case 'MESSAGE_ACK': this.#onAck(event); break;
      case 'USER_TYPING': this.#onRemoteTyping(event, true); break;
      case 'USER_STOPPED_TYPING': this.#onRemoteTyping(event, false); break;
      case 'MESSAGES_READ': this.#onMessagesRead(event); break;
      case 'ERROR': this.#onErrorEvent(event); break;
      default: break; // PONG and events this client doesn't know: the frame itself proved liveness
    }
  }

  #onNewMessage(event) {
    const message = fromEvent(event);
    if (message.id == null) return;
    if (this.#store.contradicts(message)) {
      this.#reloadConversation(`message ${message.id} differs from the one shown under that id`);
      return;
    }
    // An unknown message below the point up to which everything was seen should not exist: check the history.
    if (message.id < this.#syncedUpTo && !this.#store.has(message.id)) this.#verifyHistory().catch(() => {});
    const entry = this.#store.accept(message, message.senderType === this.userType);
    this.#syncedUpTo = Math.max(this.#syncedUpTo, message.id);
    if (message.senderType !== this.userType) this.#setRemoteTyping(message.senderType, null, false);
    if (entry) {
      clearTimeout(entry.ackTimer);
      this.#emitMessages(entry.removed ? [] : [entry], entry.removed ? [entry] : [], 'live');
    }
  }

  #onAck(event) {
    const entry = this.#store.confirm(event.clientMessageId, event.messageId, event.timestamp);
    if (!entry) return;
    clearTimeout(entry.ackTimer);
    this.#emitMessages(entry.removed ? [] : [entry], entry.removed ? [entry] : [], 'ack');
  }

  #onErrorEvent(event) {
    const error = new ChatError(event.code ?? 'UNKNOWN', event.message, { clientMessageId: event.clientMessageId ?? null });
    if (error.clientMessageId) {
      const entry = this.#store.byKey(`c:${error.clientMessageId}`);
      if (entry && error.retryable) {
        // Rate limited or a hiccup: try again shortly rather than bothering the user.
        entry.inFlight = null;
        clearTimeout(entry.ackTimer);
        setTimeout(() => this.#dispatchSend(entry), backoffDelay(2, { ...this.#opt.backoff, random: this.#opt.random }) * 2);
      } else if (this.#store.fail(error.clientMessageId, error)) {
        this.#emitMessages([entry], [], 'failed');
      }
      this.#emit('error', { error, context: 'send' });
      return;
    }
    if (this.#joined && BACKGROUND_REQUESTS.has(event.requestType)) {
      if (event.requestType === 'MARK_READ') this.#lastMarkedRead = 0; // try again with the next look
      this.#emit('error', { error, context: 'background' });
      return;
    }
    if (!this.#joined) {
      // The join was refused. Fatal reasons stop here; others count as a failed attempt and back off.
      const ws = this.#ws;
      if (error.fatal) {
        this.#connectFailed(error);
        this.#dropSocket();
        ws?.close(1000, 'join refused');
      } else {
        this.#emit('error', { error, context: 'socket' });
        ws?.close(4003, 'join refused');
      }
      return;
    }
    this.#emit('error', { error, context: 'socket' });
  }

  #onRemoteTyping(event, active) {
    if (event.userType === this.userType) return;
    this.#setRemoteTyping(event.userType, senderNameOf(event), active);
  }

  #setRemoteTyping(userType, name, active) {
    const current = this.#remoteTyping.get(userType);
    clearTimeout(current?.timer);
    if (!active) {
      if (!current) return;
      this.#remoteTyping.delete(userType);
      this.#emit('typing', { userType, name: current.name, active: false });
      return;
    }
    // The server ends a stale TYPING by itself; this timer only guards against a lost USER_STOPPED_TYPING.
    const timer = setTimeout(() => this.#setRemoteTyping(userType, null, false), this.#opt.remoteTypingTimeoutMs);
    this.#remoteTyping.set(userType, { name, timer });
    if (!current) this.#emit('typing', { userType, name, active: true });
  }

  #clearRemoteTyping() {
    for (const userType of [...this.#remoteTyping.keys()]) this.#setRemoteTyping(userType, null, false);
  }

  #onMessagesRead(event) {
    const upTo = Number(event.upToMessageId ?? 0);
    if (event.userType !== this.userType) this.#readByOtherUpTo = Math.max(this.#readByOtherUpTo, upTo);
    else this.#lastMarkedRead = Math.max(this.#lastMarkedRead, upTo);
    this.#emit('read', { userType: event.userType, upToMessageId: upTo, readAt: event.readAt ?? null });
  }

  // ---- sending ----------------------------------------------------------------------------------

  #dispatchSend(entry) {
    if (entry.inFlight || entry.status !== MessageStatus.PENDING) return;
    if (this.#joined) this.#sendOverSocket(entry);
    else if (this.#polling) this.#sendOverRest(entry);
    // Otherwise it waits in the queue: #flushQueue sends it when the connection returns.
  }

  #flushQueue() {
    for (const entry of this.#store.pending) this.#dispatchSend(entry);
  }

  #sendOverSocket(entry) {
    entry.inFlight = 'socket';
    this.#sendFrame({
      type: 'SEND_MESSAGE',
      ticketId: this.#ticketIdValue(),
      message: entry.text,
      messageType: 'text',
      clientMessageId: entry.clientMessageId,
      userType: this.userType,
    });
    const ws = this.#ws;
    // An ack that never comes on a live socket means the socket is broken in a way we didn't see.
    entry.ackTimer = setTimeout(() => {
      if (entry.status === MessageStatus.PENDING && this.#ws === ws) ws.close(4002, 'ack timeout');
    }, this.#opt.ackTimeoutMs);
  }

  async #sendOverRest(entry) {
    entry.inFlight = 'rest';
    this.#restInFlight.add(entry);
    try {
      const { body } = await this.#request('POST', '/api/chat/messages', {
        ticketId: this.#ticketIdValue(),
        senderType: this.userType,
        message: entry.text,
        messageType: 'text',
        parentMessageId: null,
        clientMessageId: entry.clientMessageId,
      });
      const data = body?.data ?? {};
      const confirmed = this.#store.confirm(entry.clientMessageId, data.id, data.created_at);
      if (confirmed) this.#emitMessages(confirmed.removed ? [] : [confirmed], confirmed.removed ? [confirmed] : [], 'ack');
    } catch (error) {
      if (error.retryable) {
        this.#emit('error', { error, context: 'send' });
      } else if (this.#store.fail(entry.clientMessageId, error)) {
        this.#emitMessages([entry], [], 'failed');
        this.#emit('error', { error, context: 'send' });
      }
    } finally {
      entry.inFlight = null;
      this.#restInFlight.delete(entry);
    }
  }

  #failPending(error) {
    const failed = [];
    for (const entry of this.#store.pending) if (this.#store.fail(entry.clientMessageId, error)) failed.push(entry);
    if (failed.length) this.#emitMessages(failed, [], 'failed');
  }

  // ---- REST fallback ----------------------------------------------------------------------------

  #startPolling() {
    if (this.#polling || this.#stopped) return;
    this.#polling = true;
    this.#pollVerified = false;
    this.#setState(ConnectionState.POLLING);
    this.#pollOnce();
  }

  #stopPolling() {
    this.#polling = false;
    clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
  }

  async #pollOnce() {
    if (!this.#polling) return;
    try {
      // The first poll after a start or an outage resumes: first check that the server's history still is
      // what is shown, then read on from where this page is.
      if (!this.#pollVerified && !(await this.#verifyHistory(() => this.#polling))) return;
      this.#pollVerified = true;
      await this.#catchUpFrom(this.#resumePoint(), () => this.#polling);
      if (!this.#polling) return;
      this.#gapFrom = null;
      this.#flushQueue();
      this.#setState(ConnectionState.POLLING);
    } catch (error) {
      if (!this.#polling) return;
      if (error.fatal) {
        this.#connectFailed(error);
        return;
      }
      this.#pollVerified = false;
      this.#setState(ConnectionState.OFFLINE);
    }
    if (this.#polling) this.#pollTimer = setTimeout(() => this.#pollOnce(), this.#opt.pollIntervalMs);
  }

  /** Reads forward from `fromId` until a short page; resolves false if `active()` turned false meanwhile. */
  async #catchUpFrom(fromId, active) {
    let afterId = fromId || undefined;
    for (;;) {
      const { messages, hasMore } = await this.#getPage({ afterId });
      if (!active()) return false;
      this.#acceptAll(messages, 'catch-up');
      // Without afterId the server answers with the latest page, which can't be paged forward from.
      if (!hasMore || !messages.length || afterId === undefined) return true;
      afterId = messages[messages.length - 1].id;
    }
  }

  // ---- REST plumbing ----------------------------------------------------------------------------

  async #getPage({ beforeId, afterId }) {
    const query = new URLSearchParams({ limit: String(this.#opt.pageSize) });
    if (beforeId != null) query.set('beforeId', String(beforeId));
    if (afterId != null) query.set('afterId', String(afterId));
    const { body } = await this.#request('GET', `/api/chat/messages/${this.#ticketPath()}?${query}`);
    const messages = Array.isArray(body?.data) ? body.data.map(fromRest) : [];
    // paging is this server's addition to the guide's shape; a full page is the fallback hint.
    const hasMore = body?.paging?.hasMore ?? messages.length >= this.#opt.pageSize;
    return { messages, ticket: body?.ticket ?? null, hasMore };
  }

  #acceptAll(messages, reason) {
    const changed = [];
    const removed = [];
    const readBefore = this.#readByOtherUpTo;
    for (const message of messages) {
      const entry = this.#store.accept(message, message.senderType === this.userType);
      // Older pages and read-state refreshes may lie below a gap, so only ordered reads advance the resume point.
      if (reason !== 'history' && reason !== 'refresh') this.#syncedUpTo = Math.max(this.#syncedUpTo, message.id);
      if (message.senderType === this.userType && message.isRead) {
        this.#readByOtherUpTo = Math.max(this.#readByOtherUpTo, message.id);
      }
      if (entry?.removed) removed.push(entry);
      else if (entry) changed.push(entry);
    }
    if (changed.length || removed.length || reason === 'initial') this.#emitMessages(changed, removed, reason);
    if (this.#readByOtherUpTo > readBefore) {
      this.#emit('read', { userType: this.userType === 'agent' ? 'customer' : 'agent', upToMessageId: this.#readByOtherUpTo, readAt: null });
    }
    return changed;
  }

  async #request(method, path, body, retried = { token: false, csrf: false }) {
    const cookieMode = this.#opt.auth === AuthMode.COOKIE;
    const writes = STATE_CHANGING.has(method);
    const headers = { Accept: 'application/json' };
    if (cookieMode) {
      // Spring Security (and most frameworks) answer such requests with 401 instead of a login redirect.
      headers['X-Requested-With'] = 'XMLHttpRequest';
    } else {
      const token = await this.#opt.tokenProvider({ refresh: retried.token });
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    if (writes) {
      const csrf = await this.#csrfHeader(retried.csrf);
      if (csrf) headers[csrf.headerName] = csrf.token;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await this.#opt.fetch(`${this.#opt.apiBase}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: this.#credentials,
      });
    } catch (error) {
      throw new ChatError('NETWORK', 'The chat server could not be reached.');
    }
    const contentType = response.headers?.get?.('Content-Type') ?? '';
    const isJson = /\bjson\b/i.test(contentType);
    // A fetch that followed a redirect, or a page instead of JSON, is a login page: the session is gone.
    if (response.redirected || (response.ok && response.status !== 204 && !isJson)) {
      throw new ChatError('UNAUTHENTICATED', 'Signed out or session expired.', { status: response.status, sessionExpired: true });
    }
    let json = null;
    if (isJson) {
      try {
        json = await response.json();
      } catch {
        json = null;
      }
    }
    if (response.status === 401) {
      if (!cookieMode && !retried.token) return this.#request(method, path, body, { ...retried, token: true });
      throw new ChatError('UNAUTHENTICATED', json?.message, { status: 401, sessionExpired: cookieMode });
    }
    if (response.status === 403 && !writes && cookieMode && this.#readsSucceeded && !isContractShaped(json)) {
      // Reads worked with this session before, and now the host's security (not the chat) refuses one:
      // the session ended, on a host whose security answers anonymous requests with 403.
      throw new ChatError('UNAUTHENTICATED', 'Signed out or session expired.', { status: 403, sessionExpired: true });
    }
    if (response.status === 403 && writes && this.#isSecurityRefusal(json)) {
      // Most likely a missing or stale CSRF token (it changes at sign-in): read it again once and repeat.
      if (!retried.csrf) return this.#request(method, path, body, { ...retried, csrf: true });
      // A session that ended also invalidates its CSRF token, and the CSRF check comes before any sign-in
      // check: a read tells which of the two it is.
      await this.#request('GET', `/api/chat/unread/${this.#ticketPath()}/${this.userType}`).catch((error) => {
        if (error.code === 'UNAUTHENTICATED') throw error;
      });
      throw new ChatError('CSRF_REFUSED', 'The server refused the request (CSRF token missing or invalid).', { status: 403 });
    }
    if (!response.ok || json?.success === false) {
      throw new ChatError(json?.error?.code ?? codeForStatus(response.status), json?.message, {
        status: response.status,
        fields: json?.error?.fields ?? null,
      });
    }
    if (method === 'GET') this.#readsSucceeded = true;
    return { status: response.status, body: json };
  }

  // The chat's own refusals are contract-shaped; anything else on a 403 comes from the host's security
  // chain. And a write refused while reads of the same ticket work is not about access to the ticket.
  #isSecurityRefusal(json) {
    return !isContractShaped(json) || this.#readsSucceeded;
  }

  /** The CSRF header to send, by Spring Security's conventions, or null when the page offers none. */
  async #csrfHeader(refresh) {
    const { csrf, document: doc, auth } = this.#opt;
    if (csrf.token != null) {
      const value = typeof csrf.token === 'function' ? await csrf.token({ refresh }) : csrf.token;
      if (value?.token) return { headerName: value.headerName ?? csrf.headerName, token: String(value.token) };
      if (typeof value === 'string' && value) return { headerName: csrf.headerName, token: value };
    }
    // Only cookie mode picks the page's token up by itself: a bearer request isn't exposed to CSRF.
    if (auth !== AuthMode.COOKIE) return null;
    const metaToken = readMeta(doc, '_csrf');
    if (metaToken) return { headerName: readMeta(doc, '_csrf_header') ?? 'X-CSRF-TOKEN', token: metaToken };
    const cookieToken = readCookie(doc, csrf.cookieName);
    return cookieToken ? { headerName: csrf.headerName, token: cookieToken } : null;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  #sendFrame(frame) {
    const ws = this.#ws;
    if (ws && ws.readyState === 1) ws.send(JSON.stringify(frame));
  }

  #ticketIdValue() {
    const n = Number(this.#opt.ticketId);
    return Number.isSafeInteger(n) ? n : this.#opt.ticketId;
  }

  #ticketPath() {
    return encodeURIComponent(String(this.#opt.ticketId));
  }

  #newestFromOtherSide() {
    const list = this.#store.messages;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].id != null && list[i].senderType !== this.userType) return list[i].id;
    }
    return 0;
  }

  #setState(state, extra = {}) {
    const changed = state !== this.#state;
    this.#state = state;
    if (changed || extra.retryInMs != null) this.#emit('state', { state, attempt: this.#attempt, ...extra });
  }

  #emitMessages(changed, removed, reason) {
    this.#emit('messages', { changed, removed, reason });
  }

  #emit(type, detail) {
    if (this.#stopped && type !== 'state') return;
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
