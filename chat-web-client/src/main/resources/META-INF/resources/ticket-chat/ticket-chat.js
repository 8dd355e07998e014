// <ticket-chat>: the guide's TicketChat component as a framework-free Web Component.
// Every piece of user data reaches the DOM through textContent or attributes; nothing is parsed as HTML.
import {
  AuthMode, ChatError, ConnectionState, isBlankMessage, MAX_MESSAGE_CODE_POINTS, MessageStatus, messageLength, TicketChatClient,
} from './ticket-chat-client.js';

const STYLE = `
:host {
  --tc-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --tc-bg: #ffffff;
  --tc-fg: #1f2328;
  --tc-muted: #59636e;
  --tc-border: #d1d9e0;
  --tc-accent: #0969da;
  --tc-accent-fg: #ffffff;
  --tc-own-bg: var(--tc-accent);
  --tc-own-fg: var(--tc-accent-fg);
  --tc-other-bg: #f0f2f5;
  --tc-other-fg: var(--tc-fg);
  --tc-danger: #cf222e;
  --tc-ok: #1a7f37;
  --tc-warn: #9a6700;
  --tc-radius: 14px;
  display: block;
  container-type: inline-size;
  height: var(--ticket-chat-height, 100%);
  min-height: 320px;
  font-family: var(--ticket-chat-font, var(--tc-font));
  color: var(--ticket-chat-fg, var(--tc-fg));
  background: var(--ticket-chat-bg, var(--tc-bg));
  border: 1px solid var(--ticket-chat-border, var(--tc-border));
  border-radius: var(--ticket-chat-radius, 8px);
  overflow: hidden;
  box-sizing: border-box;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.chat { display: flex; flex-direction: column; height: 100%; min-width: 0; }
header {
  display: flex; align-items: center; gap: 8px; padding: 10px 12px;
  border-bottom: 1px solid var(--ticket-chat-border, var(--tc-border));
}
.heading { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 1rem; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.subtitle { margin: 0; font-size: .8rem; color: var(--ticket-chat-muted, var(--tc-muted));
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.badge {
  min-width: 1.5em; padding: 1px 7px; border-radius: 999px; font-size: .75rem; font-weight: 600; text-align: center;
  background: var(--ticket-chat-danger, var(--tc-danger)); color: #fff; border: 0; cursor: pointer;
}
.status { display: inline-flex; align-items: center; gap: 6px; font-size: .75rem; color: var(--ticket-chat-muted, var(--tc-muted)); }
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--ticket-chat-warn, var(--tc-warn)); flex: none; }
.status[data-state="live"] .dot { background: var(--ticket-chat-ok, var(--tc-ok)); }
.status[data-state="failed"] .dot, .status[data-state="offline"] .dot { background: var(--ticket-chat-danger, var(--tc-danger)); }
.status[data-state="connecting"] .dot, .status[data-state="reconnecting"] .dot { animation: pulse 1s ease-in-out infinite alternate; }
button { font: inherit; }
.icon-button {
  border: 0; background: transparent; color: inherit; cursor: pointer; font-size: 1.25rem; line-height: 1;
  width: 32px; height: 32px; border-radius: 6px; flex: none;
}
.icon-button:hover { background: var(--ticket-chat-other-bg, var(--tc-other-bg)); }
:focus-visible { outline: 2px solid var(--ticket-chat-accent, var(--tc-accent)); outline-offset: 2px; }
.error {
  display: flex; align-items: center; gap: 8px; padding: 8px 12px; font-size: .875rem;
  background: color-mix(in srgb, var(--ticket-chat-danger, var(--tc-danger)) 10%, transparent);
  color: var(--ticket-chat-danger, var(--tc-danger));
}
.error[hidden] { display: none; }
.error-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.text-button {
  border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 6px; padding: 3px 10px;
  cursor: pointer; flex: none;
}
.body { position: relative; flex: 1; min-height: 0; }
.scroller { height: 100%; overflow-y: auto; overscroll-behavior: contain; padding: 8px 12px; }
.notice { text-align: center; font-size: .8rem; color: var(--ticket-chat-muted, var(--tc-muted)); padding: 8px; margin: 0; }
.notice[hidden] { display: none; }
.spinner {
  display: inline-block; width: .9em; height: .9em; margin-right: 6px; vertical-align: -2px;
  border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: spin .8s linear infinite;
}
ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
li { display: flex; flex-direction: column; align-items: flex-start; max-width: 100%; }
li.own { align-items: flex-end; }
li.system { align-items: center; }
li.enter { animation: enter .18s ease-out; }
.sender { font-size: .75rem; color: var(--ticket-chat-muted, var(--tc-muted)); margin: 6px 4px 2px; }
.bubble {
  max-width: min(85%, 640px); padding: 7px 11px; border-radius: var(--ticket-chat-bubble-radius, var(--tc-radius));
  background: var(--ticket-chat-other-bg, var(--tc-other-bg)); color: var(--ticket-chat-other-fg, var(--tc-other-fg));
  white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.35;
}
li.own .bubble { background: var(--ticket-chat-own-bg, var(--tc-own-bg)); color: var(--ticket-chat-own-fg, var(--tc-own-fg)); }
li.system .bubble { background: transparent; color: var(--ticket-chat-muted, var(--tc-muted)); font-size: .8rem; font-style: italic; }
li[data-status="pending"] .bubble { opacity: .7; }
li[data-status="failed"] .bubble { outline: 1px solid var(--ticket-chat-danger, var(--tc-danger)); }
.meta { display: flex; gap: 8px; align-items: center; font-size: .7rem; color: var(--ticket-chat-muted, var(--tc-muted)); margin: 2px 4px 0; }
li[data-status="failed"] .meta { color: var(--ticket-chat-danger, var(--tc-danger)); }
.meta .text-button { padding: 0 6px; font-size: .7rem; }
.jump {
  position: absolute; left: 50%; bottom: 10px; transform: translateX(-50%);
  border: 0; border-radius: 999px; padding: 5px 12px; cursor: pointer; font-size: .8rem;
  background: var(--ticket-chat-accent, var(--tc-accent)); color: var(--ticket-chat-accent-fg, var(--tc-accent-fg));
  box-shadow: 0 2px 6px rgb(0 0 0 / .2);
}
.jump[hidden], .badge[hidden], .typing[hidden] { display: none; }
.typing { padding: 0 14px 4px; font-size: .8rem; font-style: italic; color: var(--ticket-chat-muted, var(--tc-muted)); min-height: 1.2em; }
.typing-dots::after { content: "…"; animation: blink 1.2s steps(3, end) infinite; }
form {
  display: flex; gap: 8px; align-items: flex-end; padding: 8px 12px 12px;
  border-top: 1px solid var(--ticket-chat-border, var(--tc-border));
}
textarea {
  width: 100%; resize: none; max-height: 8.5em; padding: 8px 10px; font: inherit; line-height: 1.35;
  color: inherit; background: var(--ticket-chat-bg, var(--tc-bg));
  border: 1px solid var(--ticket-chat-border, var(--tc-border)); border-radius: 10px;
}
.field { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.counter { align-self: flex-end; font-size: .75rem; color: var(--ticket-chat-muted, var(--tc-muted)); font-variant-numeric: tabular-nums; }
.counter[hidden] { display: none; }
.counter.over { color: var(--ticket-chat-danger, var(--tc-danger)); font-weight: 600; }
textarea[aria-invalid="true"] { border-color: var(--ticket-chat-danger, var(--tc-danger)); }
.send {
  flex: none; border: 0; border-radius: 10px; padding: 8px 16px; cursor: pointer; font-weight: 600;
  background: var(--ticket-chat-accent, var(--tc-accent)); color: var(--ticket-chat-accent-fg, var(--tc-accent-fg));
}
.send:disabled { opacity: .5; cursor: default; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@container (min-width: 640px) {
  header { padding: 12px 16px; }
  .scroller { padding: 12px 16px; }
  .bubble { max-width: min(70%, 640px); }
  form { padding: 10px 16px 14px; }
}
@keyframes enter { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
@keyframes spin { to { transform: rotate(360deg); } }
@keyframes pulse { from { opacity: .35; } to { opacity: 1; } }
@keyframes blink { 0% { opacity: .2; } 100% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
  .scroller { scroll-behavior: auto; }
}
`;

// Builds an element: h('button', {type: 'button', 'data-testid': 'retry'}, 'Retry'). Strings become text
// nodes, so the component needs no HTML parsing at all (and works under Trusted Types).
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

const spinner = () => h('span', { class: 'spinner', 'aria-hidden': 'true' });

function buildView() {
  return h('div', { class: 'chat', part: 'container' },
    h('header', { part: 'header' },
      h('div', { class: 'heading' },
        h('h2', { class: 'title', 'data-testid': 'title' }, 'Chat'),
        h('p', { class: 'subtitle', 'data-testid': 'subtitle' })),
      h('button', { type: 'button', class: 'badge', 'data-testid': 'unread-badge', hidden: true }),
      h('span', { class: 'status', 'data-testid': 'status', role: 'status' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }), h('span', { class: 'status-text' })),
      h('button', { type: 'button', class: 'icon-button close', 'data-testid': 'close', 'aria-label': 'Close chat', title: 'Close chat' }, '×')),
    h('div', { class: 'error', 'data-testid': 'error', role: 'alert', hidden: true },
      h('span', { class: 'error-text', 'data-testid': 'error-text' }),
      h('button', { type: 'button', class: 'text-button', 'data-testid': 'retry' }, 'Retry')),
    h('div', { class: 'body' },
      h('div', { class: 'scroller', 'data-testid': 'message-list', tabindex: '0', 'aria-label': 'Messages' },
        h('p', { class: 'notice', 'data-testid': 'older-loading', hidden: true }, spinner(), 'Loading earlier messages'),
        h('p', { class: 'notice', 'data-testid': 'history-start', hidden: true }, 'Start of the conversation'),
        h('p', { class: 'notice', 'data-testid': 'loading' }, spinner(), 'Loading conversation'),
        h('p', { class: 'notice', 'data-testid': 'empty', hidden: true }, 'No messages yet. Say hello!'),
        h('ol', { class: 'items', role: 'list' })),
      h('button', { type: 'button', class: 'jump', 'data-testid': 'jump-to-latest', hidden: true }, 'New messages ↓')),
    h('div', { class: 'typing', 'data-testid': 'typing-indicator', hidden: true }),
    h('form', { part: 'composer', novalidate: true },
      h('div', { class: 'field' },
        h('textarea', { 'data-testid': 'input', rows: '1', dir: 'auto', 'aria-label': 'Message', 'aria-describedby': 'counter',
          placeholder: 'Write a message…', autocomplete: 'off' }),
        h('span', { class: 'counter', id: 'counter', 'data-testid': 'counter', hidden: true })),
      h('button', { type: 'submit', class: 'send', 'data-testid': 'send-button', disabled: true }, 'Send')),
    h('div', { class: 'sr-only', 'data-testid': 'announcer', 'aria-live': 'polite', 'aria-atomic': 'false' }));
}

// One constructed sheet shared by every instance: no inline <style>, so a strict style-src CSP is fine.
let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLE);
  }
  return sharedSheet;
}

const STATUS_TEXT = {
  [ConnectionState.IDLE]: 'Not connected',
  [ConnectionState.CONNECTING]: 'Connecting…',
  [ConnectionState.LIVE]: 'Live',
  [ConnectionState.RECONNECTING]: 'Reconnecting…',
  [ConnectionState.POLLING]: 'Connected (limited)',
  [ConnectionState.OFFLINE]: 'Offline',
  [ConnectionState.FAILED]: 'Disconnected',
  [ConnectionState.CLOSED]: 'Closed',
};

const ERROR_TEXT = {
  NETWORK: 'The chat server can’t be reached. Messages you write are kept and sent when the connection returns.',
  UNAUTHENTICATED: 'You’re signed out or your session has expired. Sign in again, then retry.',
  CSRF_REFUSED: 'The server refused the request (CSRF token missing or invalid). Reload the page, then retry.',
  SOCKET_REFUSED: 'The chat server closed the connection. Retry in a moment.',
  FORBIDDEN: 'You don’t have access to this ticket’s chat.',
  NOT_FOUND: 'This ticket’s chat could not be found.',
  RATE_LIMITED: 'You’re sending messages too quickly. Wait a moment, then retry.',
  PAYLOAD_TOO_LARGE: 'That message is too long (at most 10,000 characters).',
  UNAVAILABLE: 'The chat service is temporarily unavailable. Retrying…',
  INTERNAL: 'Something went wrong on the chat server.',
  CONFLICT: 'That change conflicts with another one. Retry.',
};

const CONTENT_ERRORS = new Set(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);
// The length counter shows from here on (90 % of the limit).
const COUNTER_FROM = Math.floor(MAX_MESSAGE_CODE_POINTS * 0.9);
const numberFormat = new Intl.NumberFormat('en-US');
const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 40;

function describeError(error) {
  if (error?.code === 'VALIDATION_FAILED') return error.message && error.message !== error.code ? error.message : 'That message can’t be sent.';
  if (error?.code === 'SOCKET_REFUSED' && error.message) return `${error.message} Retry in a moment.`;
  return ERROR_TEXT[error?.code] ?? (error?.message || 'Something went wrong.');
}

function senderLabel(message, ownType) {
  if (message.senderType === 'system' || message.messageType !== 'text' && !message.senderName) return 'System';
  if (message.senderName) return message.senderName;
  if (message.senderType === ownType) return 'You';
  return message.senderType === 'agent' ? 'Support agent' : 'Customer';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export class TicketChatElement extends HTMLElement {
  static observedAttributes = ['ticket-id', 'user-type', 'api-base', 'ws-base', 'page-size', 'auth', 'csrf-cookie-name', 'csrf-header-name'];

  #root;
  #els;
  #client = null;
  #ticket = null;
  #user = null;
  #token = null;
  #tokenProvider = null;
  #csrfToken = null;
  #restartQueued = false;
  #modeSettled = false;
  #warnedNoToken = false;
  #clientKey = null;
  #nodes = new Map();
  #unread = 0;
  #loaded = false;
  #announced = new Set();
  #remoteTyping = new Map();
  #lastError = null;
  #onVisibility = () => this.#maybeMarkRead();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open', delegatesFocus: false });
    this.#root.adoptedStyleSheets = [styleSheet()];
    this.#root.append(buildView());
    const q = (id) => this.#root.querySelector(`[data-testid="${id}"]`);
    this.#els = {
      title: q('title'), subtitle: q('subtitle'), badge: q('unread-badge'), status: q('status'),
      statusText: this.#root.querySelector('.status-text'), close: q('close'), error: q('error'),
      errorText: q('error-text'), retry: q('retry'), scroller: q('message-list'), olderLoading: q('older-loading'),
      historyStart: q('history-start'), loading: q('loading'), empty: q('empty'), list: this.#root.querySelector('ol'),
      jump: q('jump-to-latest'), typing: q('typing-indicator'), form: this.#root.querySelector('form'),
      input: q('input'), send: q('send-button'), announcer: q('announcer'), counter: q('counter'),
    };
    this.#wireUi();
    this.#renderStatus(ConnectionState.IDLE);
  }

  // ---- public API: the guide's props -----------------------------------------------------------

  /** The ticket object of the guide ({id, name?, issue_title?}); sets ticket-id when it has an id. */
  get ticket() { return this.#ticket; }
  set ticket(value) {
    this.#ticket = value ?? null;
    if (value?.id != null && String(value.id) !== this.getAttribute('ticket-id')) this.setAttribute('ticket-id', String(value.id));
    this.#renderTitle();
  }

  get ticketId() { return this.getAttribute('ticket-id'); }
  set ticketId(value) { this.setAttribute('ticket-id', String(value)); }

  /** Current user {id, name}, shown on sends not yet confirmed; the server takes identity from the token. */
  get user() { return this.#user; }
  set user(value) { this.#user = value ?? null; this.#queueRestart(); }

  get userType() { return this.getAttribute('user-type') ?? 'customer'; }
  set userType(value) { this.setAttribute('user-type', value); }

  get apiBase() { return this.getAttribute('api-base') ?? ''; }
  set apiBase(value) { this.setAttribute('api-base', value); }

  /** A fixed bearer token. Prefer tokenProvider when tokens expire. */
  get token() { return this.#token; }
  set token(value) {
    this.#token = value ?? null;
    if (this.#client?.state === ConnectionState.FAILED) this.#recover();
    else this.#queueRestart();
  }

  /** async ({refresh}) => token; called before each request, with refresh=true after a 401. */
  get tokenProvider() { return this.#tokenProvider; }
  set tokenProvider(fn) {
    this.#tokenProvider = typeof fn === 'function' ? fn : null;
    if (this.#client?.state === ConnectionState.FAILED) this.#recover();
    else this.#queueRestart();
  }

  /**
   * 'cookie' (the host's session cookie, no token) or 'token' (bearer tokens from token / tokenProvider).
   * Without the attribute: 'token' when a token source is set, otherwise 'cookie'.
   */
  get auth() {
    const explicit = this.getAttribute('auth');
    if (explicit === AuthMode.COOKIE || explicit === AuthMode.TOKEN) return explicit;
    return this.#tokenProvider || this.#token ? AuthMode.TOKEN : AuthMode.COOKIE;
  }
  set auth(value) { this.setAttribute('auth', value); }

  /**
   * The host's CSRF token for state-changing requests: a string, or ({refresh}) => token (refresh is true
   * after a refusal). Without it, cookie mode reads the _csrf / _csrf_header meta tags, else the cookie
   * named by csrf-cookie-name (XSRF-TOKEN), echoed in csrf-header-name (X-XSRF-TOKEN).
   */
  get csrfToken() { return this.#csrfToken; }
  set csrfToken(value) {
    this.#csrfToken = value ?? null;
    if (this.#client?.state === ConnectionState.FAILED) this.#recover();
  }

  /** The protocol client of the current ticket (null until ticket, user type and token are known). */
  get client() { return this.#client; }

  get unreadCount() { return this.#unread; }

  /** Moves keyboard focus to the message input. */
  focus(options) { this.#els.input.focus(options); }

  // ---- lifecycle --------------------------------------------------------------------------------

  connectedCallback() {
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('focus', this.#onVisibility);
    this.#queueRestart();
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('focus', this.#onVisibility);
    this.#stopClient();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#queueRestart();
  }

  // Properties and attributes often arrive one after another (React sets them in a row): start once.
  #queueRestart() {
    if (this.#restartQueued) return;
    this.#restartQueued = true;
    queueMicrotask(() => {
      this.#restartQueued = false;
      if (this.isConnected) this.#restart();
    });
  }

  #restart() {
    const ticketId = this.getAttribute('ticket-id');
    const hasToken = Boolean(this.#tokenProvider || this.#token);
    const auth = this.auth;
    const implicitCookie = auth === AuthMode.COOKIE && !this.hasAttribute('auth');
    if (implicitCookie && !this.#modeSettled) {
      // Hosts often set tokenProvider right after the element is defined (after an await): give them a
      // turn of the event loop before concluding that none is coming.
      this.#modeSettled = true;
      setTimeout(() => this.#queueRestart(), 0);
      return;
    }
    // A new token alone doesn't restart the chat: the client asks for the current one before every request.
    const key = JSON.stringify([ticketId, this.userType, this.apiBase, this.getAttribute('ws-base'), this.getAttribute('page-size'),
      this.#user, auth, hasToken, this.getAttribute('csrf-cookie-name'), this.getAttribute('csrf-header-name')]);
    if (this.#client && this.#clientKey === key) return;
    if (this.#ticket?.id != null && String(this.#ticket.id) !== ticketId) this.#ticket = null;
    this.#stopClient();
    this.#resetView();
    this.#renderTitle();
    if (!ticketId) return;
    if (auth === AuthMode.TOKEN && !hasToken) {
      // auth="token" without a token yet: say what the chat waits for instead of sitting "Not connected".
      this.#els.statusText.textContent = 'Waiting for a token';
      if (!this.#warnedNoToken) {
        this.#warnedNoToken = true;
        console.warn('[ticket-chat] auth="token" but neither token nor tokenProvider is set; the chat waits for one (remove auth="token" to use the page\'s session cookie).');
      }
      return;
    }
    const pageSize = Number(this.getAttribute('page-size')) || undefined;
    let client;
    try {
      client = this.#createClient(ticketId, pageSize, auth);
    } catch (error) {
      // A host mistake such as user-type="admin": say so in the chat instead of failing silently.
      this.#renderStatus(ConnectionState.FAILED);
      this.#els.loading.hidden = true;
      this.#showError(new ChatError('VALIDATION_FAILED', error.message));
      return;
    }
    this.#client = client;
    this.#clientKey = key;
    // A replaced client may still finish a request: only the current one draws.
    const on = (type, handle) => client.addEventListener(type, (e) => { if (this.#client === client) handle(e.detail); });
    on('state', (d) => this.#onState(d));
    on('messages', (d) => this.#onMessages(d));
    on('history', (d) => this.#onHistory(d));
    on('ticket', (d) => this.#onTicket(d.ticket));
    on('typing', (d) => this.#onTyping(d));
    on('read', (d) => this.#onRead(d));
    on('unread', (d) => this.#setUnread(d.count));
    on('error', (d) => this.#onError(d));
    this.#renderComposer();
    client.start();
  }

  #createClient(ticketId, pageSize, auth) {
    const explicit = this.hasAttribute('auth');
    const csrfToken = (opts) => (typeof this.#csrfToken === 'function' ? this.#csrfToken(opts) : this.#csrfToken);
    return new TicketChatClient({
      ticketId,
      userType: this.userType,
      user: this.#user ?? undefined,
      apiBase: this.apiBase,
      ...(this.getAttribute('ws-base') ? { wsBase: this.getAttribute('ws-base') } : {}),
      ...(pageSize ? { pageSize } : {}),
      auth,
      authReason: explicit ? `auth="${auth}" is set`
        : auth === AuthMode.COOKIE ? 'neither token nor tokenProvider is set' : 'a token or tokenProvider is set',
      csrf: {
        ...(this.getAttribute('csrf-cookie-name') ? { cookieName: this.getAttribute('csrf-cookie-name') } : {}),
        ...(this.getAttribute('csrf-header-name') ? { headerName: this.getAttribute('csrf-header-name') } : {}),
        // Read at each request, so a token set later (or a provider) is used without a restart.
        token: (opts) => csrfToken(opts) ?? null,
      },
      ...(auth === AuthMode.TOKEN ? { tokenProvider: (opts) => (this.#tokenProvider ? this.#tokenProvider(opts) : this.#token) } : {}),
    });
  }

  #stopClient() {
    this.#client?.stop();
    this.#client = null;
    this.#clientKey = null;
  }

  #resetView() {
    this.#nodes.clear();
    this.#els.list.replaceChildren();
    this.#announced.clear();
    this.#remoteTyping.clear();
    this.#loaded = false;
    this.#setUnread(0);
    this.#renderTyping();
    this.#hideError();
    this.#els.loading.hidden = false;
    this.#els.empty.hidden = true;
    this.#els.historyStart.hidden = true;
    this.#els.olderLoading.hidden = true;
    this.#els.jump.hidden = true;
    this.#renderStatus(ConnectionState.IDLE);
  }

  // ---- UI wiring --------------------------------------------------------------------------------

  #wireUi() {
    const { input, form, close, retry, scroller, jump, badge } = this.#els;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#sendInput();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.#sendInput();
      }
    });
    input.addEventListener('input', () => {
      this.#autosize();
      this.#renderComposer();
      if (input.value.trim()) this.#client?.notifyTyping();
      else this.#client?.stopTyping();
    });
    input.addEventListener('blur', () => this.#client?.stopTyping());
    close.addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('ticket-chat-close', { bubbles: true, composed: true, detail: { ticketId: this.ticketId } }));
    });
    retry.addEventListener('click', () => {
      this.#recover();
      this.#els.input.focus();
    });
    scroller.addEventListener('scroll', () => this.#onScroll(), { passive: true });
    jump.addEventListener('click', () => this.#scrollToBottom(true));
    badge.addEventListener('click', () => this.#scrollToBottom(true));
  }

  // The send button and the length counter: counted as the server counts (code points, trimmed), shown
  // near the limit, and sending blocked past it rather than offering a send that can only be refused.
  #renderComposer() {
    const { input, send, counter } = this.#els;
    const length = messageLength(input.value);
    const over = length > MAX_MESSAGE_CODE_POINTS;
    send.disabled = !this.#client || over || isBlankMessage(input.value);
    counter.hidden = length < COUNTER_FROM;
    counter.classList.toggle('over', over);
    counter.textContent = `${numberFormat.format(length)} / ${numberFormat.format(MAX_MESSAGE_CODE_POINTS)}`
      + (over ? ` · ${numberFormat.format(length - MAX_MESSAGE_CODE_POINTS)} too many` : '');
    if (over) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  #sendInput() {
    const { input } = this.#els;
    if (!this.#client || isBlankMessage(input.value)) return;
    if (messageLength(input.value) > MAX_MESSAGE_CODE_POINTS) {
      this.#renderComposer(); // the counter says why; nothing is sent
      return;
    }
    try {
      this.#client.send(input.value);
    } catch (error) {
      this.#showError(error instanceof ChatError ? error : new ChatError('VALIDATION_FAILED', error?.message));
      return;
    }
    input.value = '';
    this.#renderComposer();
    this.#autosize();
    input.focus();
    this.#scrollToBottom(true);
  }

  #autosize() {
    const { input } = this.#els;
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + 2}px`;
  }

  // Reconnects at once (also after a fatal error, e.g. once a fresh token is set) and re-sends what
  // failed for reasons other than its content; queued messages and the history on screen are kept.
  #recover() {
    this.#hideError();
    const client = this.#client;
    if (!client) return;
    client.reconnectNow();
    for (const m of client.messages) {
      if (m.status === MessageStatus.FAILED && !CONTENT_ERRORS.has(m.error?.code)) client.retrySend(m.clientMessageId);
    }
  }

  #onScroll() {
    const { scroller } = this.#els;
    if (scroller.scrollTop < NEAR_TOP_PX) this.#loadOlder();
    if (this.#nearBottom()) {
      this.#els.jump.hidden = true;
      this.#maybeMarkRead();
    }
  }

  async #loadOlder() {
    const client = this.#client;
    if (!client || !this.#loaded || !client.hasMore || this.#els.olderLoading.hidden === false) return;
    this.#els.olderLoading.hidden = false;
    try {
      await client.loadOlder();
    } catch {
      // #onError already shows it
    } finally {
      if (client === this.#client) this.#els.olderLoading.hidden = true;
    }
  }

  #nearBottom() {
    const { scroller } = this.#els;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX;
  }

  #scrollToBottom(force) {
    const { scroller } = this.#els;
    if (force || this.#nearBottom()) scroller.scrollTop = scroller.scrollHeight;
    this.#els.jump.hidden = true;
    this.#maybeMarkRead();
  }

  #isSeen() {
    // clientHeight is 0 while the host hides the chat (display: none): nothing is seen then.
    return this.isConnected && document.visibilityState === 'visible' && this.#els.scroller.clientHeight > 0 && this.#nearBottom();
  }

  #maybeMarkRead() {
    if (!this.#client || !this.#loaded || !this.#isSeen()) return;
    this.#client.markRead().then((marked) => { if (marked) this.#setUnread(0); });
  }

  // ---- client events ----------------------------------------------------------------------------

  #onState({ state, retryInMs }) {
    this.#renderStatus(state, retryInMs);
    if (!this.#loaded) this.#els.loading.hidden = state === ConnectionState.FAILED;
    for (const node of this.#nodes.values()) if (node.entry.status === MessageStatus.PENDING) this.#renderReceipt(node);
    if (state === ConnectionState.LIVE || state === ConnectionState.POLLING) {
      if (this.#lastError?.code === 'NETWORK' || this.#lastError?.retryable) this.#hideError();
      this.#maybeMarkRead();
    }
    this.dispatchEvent(new CustomEvent('ticket-chat-status-change', { bubbles: true, composed: true, detail: { state } }));
  }

  #onTicket(ticket) {
    this.#ticket = { ...(this.#ticket ?? {}), ...ticket };
    this.#renderTitle();
  }

  #onMessages({ changed, removed, reason }) {
    const { scroller } = this.#els;
    const wasNearBottom = this.#nearBottom();
    const distanceFromBottom = scroller.scrollHeight - scroller.scrollTop;
    const firstLoad = !this.#loaded;
    for (const entry of removed) {
      this.#nodes.get(entry.key)?.remove();
      this.#nodes.delete(entry.key);
    }
    if (reason === 'reset') {
      // The server's history changed under us: the client reloads it; show that instead of stale messages.
      this.#loaded = false;
      this.#announced.clear();
      this.#els.loading.hidden = false;
      this.#els.empty.hidden = true;
      this.#els.historyStart.hidden = true;
      this.#setUnread(0);
      return;
    }
    if (reason === 'initial' || firstLoad && reason !== 'sent') this.#finishLoading();
    const animate = !firstLoad && reason !== 'history' && reason !== 'initial';
    for (const entry of changed) this.#renderMessage(entry, animate);
    this.#placeNodes();
    this.#els.empty.hidden = this.#nodes.size > 0;

    if (reason === 'history') {
      // Older messages went in above what the reader is looking at: keep that in place.
      scroller.scrollTop = scroller.scrollHeight - distanceFromBottom;
      return;
    }
    const incoming = changed.filter((m) => !m.own && m.senderType !== this.userType && !this.#announced.has(m.key));
    if (firstLoad || reason === 'initial') {
      for (const m of changed) this.#announced.add(m.key);
      this.#scrollToBottom(true);
      return;
    }
    for (const m of changed) {
      if (m.own && m.status === MessageStatus.SENT && !m.replyNotified) {
        m.replyNotified = true;
        this.dispatchEvent(new CustomEvent('ticket-chat-reply-added', {
          bubbles: true, composed: true,
          detail: { message: { id: m.id, ticketId: m.ticketId, clientMessageId: m.clientMessageId, text: m.text, createdAt: m.createdAt } },
        }));
      }
    }
    if (wasNearBottom) this.#scrollToBottom(true);
    if (!incoming.length) return;
    this.#announce(incoming);
    if (!this.#isSeen()) {
      this.#setUnread(this.#unread + incoming.length);
      this.#els.jump.hidden = this.#nearBottom();
    }
  }

  #finishLoading() {
    this.#loaded = true;
    this.#els.loading.hidden = true;
    this.#els.historyStart.hidden = Boolean(this.#client?.hasMore);
    queueMicrotask(() => this.#fillViewport());
  }

  #onHistory({ hasMore }) {
    this.#els.historyStart.hidden = hasMore;
    queueMicrotask(() => this.#fillViewport());
  }

  // With too few messages to scroll, "scroll to the top for more" can't happen: load more right away.
  #fillViewport() {
    const { scroller } = this.#els;
    if (this.#client?.hasMore && scroller.scrollHeight <= scroller.clientHeight) this.#loadOlder();
  }

  #onTyping({ userType, name, active }) {
    if (active) this.#remoteTyping.set(userType, name);
    else this.#remoteTyping.delete(userType);
    this.#renderTyping();
  }

  #onRead({ userType }) {
    if (userType === this.userType) {
      this.#setUnread(0); // read in another tab or device of the same side
      return;
    }
    for (const node of this.#nodes.values()) this.#renderReceipt(node);
  }

  #onError({ error, context }) {
    if (context === 'background') return; // a failed read mark or typing signal is retried, not shown
    if (context === 'send' && error.clientMessageId) {
      // The failed bubble carries its own retry; also say why in words.
      this.#showError(error);
      return;
    }
    // A server without sockets: the status says "Connected (limited)" and the console why; the chat works.
    if (error.code === 'SOCKET_UNAVAILABLE') return;
    if (context === 'socket' && error.code === 'NETWORK') {
      this.#announceText('Connection lost. Reconnecting.');
      return; // the status indicator says it; no need for a banner on every blip
    }
    this.#showError(error);
  }

  // ---- rendering --------------------------------------------------------------------------------

  #renderTitle() {
    const t = this.#ticket;
    const id = this.getAttribute('ticket-id');
    const title = t?.issue_title ?? t?.issueTitle ?? t?.title;
    this.#els.title.textContent = title ?? (id ? `Ticket #${id}` : 'Chat');
    const who = t?.name ?? t?.customerName;
    this.#els.subtitle.textContent = [title && id ? `#${id}` : null, who].filter(Boolean).join(' · ');
  }

  #renderStatus(state, retryInMs) {
    const { status, statusText } = this.#els;
    status.dataset.state = state;
    let text = STATUS_TEXT[state] ?? state;
    if (state === ConnectionState.FAILED && this.#client?.lastError?.code === 'UNAUTHENTICATED') text = 'Signed out';
    if (state === ConnectionState.RECONNECTING && retryInMs >= 1500) text = `Reconnecting in ${Math.round(retryInMs / 1000)}s…`;
    statusText.textContent = text;
    status.title = state === ConnectionState.POLLING
      ? 'Live updates are unavailable; checking for new messages every few seconds.'
      : text;
  }

  #renderTyping() {
    const names = [...this.#remoteTyping.entries()].map(([type, name]) => name || (type === 'agent' ? 'Support agent' : 'Customer'));
    const { typing } = this.#els;
    typing.replaceChildren();
    if (!names.length) {
      typing.hidden = true;
      return;
    }
    const text = document.createElement('span');
    text.textContent = `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} typing`;
    const dots = document.createElement('span');
    dots.className = 'typing-dots';
    dots.setAttribute('aria-hidden', 'true');
    typing.append(text, dots);
    typing.hidden = false;
  }

  #renderMessage(entry, animate) {
    let node = this.#nodes.get(entry.key);
    if (!node) {
      node = document.createElement('li');
      node.dataset.testid = 'message-item';
      node.dataset.key = entry.key;
      const sender = document.createElement('span');
      sender.className = 'sender';
      sender.dataset.testid = 'message-sender';
      sender.dir = 'auto';
      const bubble = document.createElement('div');
      bubble.className = 'bubble';
      bubble.dataset.testid = 'message-text';
      // Arabic or Hebrew text takes its direction from its first strong character, whatever the page's.
      bubble.dir = 'auto';
      const meta = document.createElement('div');
      meta.className = 'meta';
      const time = document.createElement('time');
      const state = document.createElement('span');
      state.dataset.testid = 'message-state';
      meta.append(time, state);
      node.append(sender, bubble, meta);
      if (animate) {
        node.classList.add('enter');
        node.addEventListener('animationend', () => node.classList.remove('enter'), { once: true });
      }
      this.#nodes.set(entry.key, node);
    }
    node.entry = entry;
    const own = entry.own || entry.senderType === this.userType;
    const system = entry.senderType === 'system' || entry.messageType === 'system' || entry.messageType === 'status_update';
    node.className = [system ? 'system' : own ? 'own' : 'other', ...(node.classList.contains('enter') ? ['enter'] : [])].join(' ');
    node.dataset.status = entry.status;
    if (entry.id != null) node.dataset.messageId = String(entry.id);
    if (entry.clientMessageId) node.dataset.clientMessageId = entry.clientMessageId;
    node.dataset.senderType = entry.senderType ?? '';
    const [sender, bubble, meta] = node.children;
    sender.textContent = senderLabel(entry, this.userType);
    bubble.textContent = entry.text;
    const time = meta.querySelector('time');
    const at = entry.createdAt ? new Date(entry.createdAt) : null;
    if (at && !Number.isNaN(at.getTime())) {
      time.dateTime = at.toISOString();
      time.textContent = timeFormat.format(at);
      time.title = fullFormat.format(at);
    }
    this.#renderReceipt(node);
  }

  #renderReceipt(node) {
    const entry = node.entry;
    const own = entry.own || entry.senderType === this.userType;
    const meta = node.querySelector('.meta');
    const state = meta.querySelector('[data-testid="message-state"]');
    meta.querySelector('.text-button')?.remove();
    let text = '';
    if (entry.status === MessageStatus.PENDING) text = this.#client?.state === ConnectionState.LIVE || this.#client?.state === ConnectionState.POLLING ? 'Sending…' : 'Waiting for connection…';
    else if (entry.status === MessageStatus.FAILED) text = `Not sent: ${describeError(entry.error)}`;
    else if (own && entry.id != null && entry.id <= (this.#client?.readByOtherUpTo ?? 0)) text = 'Seen';
    else if (own) text = 'Sent';
    state.textContent = text;
    if (entry.status === MessageStatus.FAILED) {
      // A message refused for its content would be refused again: offer to edit it, not to retry it.
      const editable = CONTENT_ERRORS.has(entry.error?.code);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'text-button';
      button.dataset.testid = editable ? 'message-edit' : 'message-retry';
      button.textContent = editable ? 'Edit' : 'Retry';
      button.addEventListener('click', () => (editable ? this.#editFailed(entry) : this.#client?.retrySend(entry.clientMessageId)));
      meta.append(button);
    }
  }

  // Moves a refused message back into the composer (in front of anything typed since) and drops its bubble.
  #editFailed(entry) {
    const { input } = this.#els;
    input.value = input.value.trim() ? `${entry.text}\n${input.value}` : entry.text;
    this.#client?.discard(entry.clientMessageId);
    this.#autosize();
    this.#renderComposer();
    input.focus();
  }

  // Puts the message nodes in the client's order, touching only nodes that are out of place.
  #placeNodes() {
    const { list } = this.#els;
    let cursor = list.firstElementChild;
    let previous = null;
    for (const entry of this.#client?.messages ?? []) {
      const node = this.#nodes.get(entry.key);
      if (!node) continue;
      if (node !== cursor) list.insertBefore(node, cursor);
      else cursor = cursor.nextElementSibling;
      // Repeat the sender's name only when the speaker changes.
      const sameSpeaker = previous && previous.senderType === entry.senderType && previous.senderName === entry.senderName;
      const mine = entry.own || (entry.senderType === this.userType && entry.senderName === this.#user?.name);
      node.firstElementChild.hidden = Boolean(sameSpeaker) || mine || node.classList.contains('system');
      previous = entry;
    }
  }

  #announce(messages) {
    const lines = messages.map((m) => `${senderLabel(m, this.userType)}: ${m.text}`);
    for (const m of messages) this.#announced.add(m.key);
    this.#announceText(messages.length > 3 ? `${messages.length} new messages.` : lines.join('\n'));
  }

  #announceText(text) {
    const line = document.createElement('p');
    line.textContent = text;
    this.#els.announcer.append(line);
    // Keep the live region short; screen readers have already read what's dropped.
    while (this.#els.announcer.childElementCount > 3) this.#els.announcer.firstElementChild.remove();
  }

  #setUnread(count) {
    const changed = count !== this.#unread;
    this.#unread = Math.max(0, count);
    const { badge } = this.#els;
    badge.hidden = this.#unread === 0;
    badge.textContent = this.#unread > 99 ? '99+' : String(this.#unread);
    badge.setAttribute('aria-label', `${this.#unread} unread message${this.#unread === 1 ? '' : 's'}; show latest`);
    if (changed) this.dispatchEvent(new CustomEvent('ticket-chat-unread-change', { bubbles: true, composed: true, detail: { count: this.#unread } }));
  }

  #showError(error) {
    this.#lastError = error;
    this.#els.errorText.textContent = describeError(error);
    // Retrying can't cure a refused text; its bubble offers Edit instead.
    this.#els.retry.hidden = CONTENT_ERRORS.has(error?.code);
    this.#els.error.hidden = false;
  }

  #hideError() {
    this.#lastError = null;
    this.#els.error.hidden = true;
  }
}

if (!customElements.get('ticket-chat')) customElements.define('ticket-chat', TicketChatElement);
