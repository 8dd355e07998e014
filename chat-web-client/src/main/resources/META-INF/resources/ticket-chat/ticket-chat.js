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
  --tc-own-bg: var(--ticket-chat-accent, var(--tc-accent));
  --tc-own-fg: var(--ticket-chat-accent-fg, var(--tc-accent-fg));
  --tc-other-bg: #f0f2f5;
  --tc-other-fg: var(--ticket-chat-fg, var(--tc-fg));
  --tc-link: inherit;
  --tc-danger: #cf222e;
  --tc-ok: #1a7f37;
  --tc-warn: #9a6700;
  --tc-radius: 14px;
  color-scheme: light;
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
:host([theme="dark"]) {
  --tc-bg: #0d1117; --tc-fg: #e6edf3; --tc-muted: #9198a1; --tc-border: #3d444d; --tc-accent: #1f6feb;
  --tc-other-bg: #21262d; --tc-danger: #f85149; --tc-ok: #3fb950; --tc-warn: #d29922; color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
    --tc-bg: #0d1117; --tc-fg: #e6edf3; --tc-muted: #9198a1; --tc-border: #3d444d; --tc-accent: #1f6feb;
    --tc-other-bg: #21262d; --tc-danger: #f85149; --tc-ok: #3fb950; --tc-warn: #d29922; color-scheme: dark;
  }
}
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
  background: #cf222e; color: #fff; border: 0; cursor: pointer;
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
  display: inline-block; width: .9em; height: .9em; margin-inline-end: 6px; vertical-align: -2px;
  border: 2px solid currentColor; border-inline-end-color: transparent; border-radius: 50%; animation: spin .8s linear infinite;
}
ol { list-style: none; margin: 0; padding: 0; }
li + li { margin-top: 4px; }
li { display: flex; flex-direction: column; align-items: flex-start; max-width: 100%;
  /* Off-screen messages skip layout and paint; the browser remembers each one's last size. */
  content-visibility: auto; contain-intrinsic-size: auto 52px; }
li.own { align-items: flex-end; }
li.system { align-items: center; }
li.enter { animation: enter .18s ease-out; }
.sender { font-size: .75rem; color: var(--ticket-chat-muted, var(--tc-muted)); margin: 6px 4px 2px; margin-inline-start: 40px; }
li.own .sender, li.system .sender { margin-inline-start: 4px; }
.day {
  align-self: stretch; display: flex; align-items: center; gap: 10px; margin: 10px 0 4px;
  font-size: .75rem; font-weight: 600; color: var(--ticket-chat-muted, var(--tc-muted));
}
.day::before, .day::after { content: ""; flex: 1; border-top: 1px solid var(--ticket-chat-border, var(--tc-border)); }
.day[hidden], .sender[hidden], .meta[hidden], time[hidden] { display: none; }
.row { display: flex; align-items: flex-end; gap: 8px; max-width: 100%; min-width: 0; }
li.own .row, li.system .row { justify-content: flex-end; }
li.own .row { width: 100%; }
li.system .row { justify-content: center; width: 100%; }
.avatar {
  flex: none; width: 32px; height: 32px; border-radius: 50%; display: inline-grid; place-items: center;
  font-size: .75rem; font-weight: 600; color: #fff; background: var(--tc-avatar, #57606a); user-select: none;
}
li .avatar.spacer { visibility: hidden; }
li.own .avatar, li.system .avatar { display: none; }
header .avatar { width: 36px; height: 36px; font-size: .85rem; }
.bubble a { color: var(--ticket-chat-link, var(--tc-link)); text-decoration: underline; text-underline-offset: 2px; }
.bubble {
  max-width: min(85%, 640px); padding: 7px 11px; border-radius: var(--ticket-chat-bubble-radius, var(--tc-radius));
  background: var(--ticket-chat-other-bg, var(--tc-other-bg)); color: var(--ticket-chat-other-fg, var(--tc-other-fg));
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; line-height: 1.35; min-width: 0;
}
li.own .bubble { background: var(--ticket-chat-own-bg, var(--tc-own-bg)); color: var(--ticket-chat-own-fg, var(--tc-own-fg)); }
li.system .bubble { background: transparent; color: var(--ticket-chat-muted, var(--tc-muted)); font-size: .8rem; font-style: italic; }
li[data-status="pending"] .bubble { opacity: .7; }
li[data-status="failed"] .bubble { outline: 1px solid var(--ticket-chat-danger, var(--tc-danger)); }
.meta { display: flex; gap: 8px; align-items: center; font-size: .7rem; color: var(--ticket-chat-muted, var(--tc-muted)); margin: 2px 4px 0; }
li.other .meta { margin-inline-start: 44px; }
li[data-status="failed"] .meta { color: var(--ticket-chat-danger, var(--tc-danger)); }
.meta .text-button { padding: 0 6px; font-size: .7rem; }
.jump {
  position: absolute; inset-inline: 0; margin-inline: auto; width: max-content; bottom: 10px;
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

// Texts carry data-l="key" (textContent) or data-l-aria / data-l-title / data-l-placeholder (attributes) and
// are filled in from the current language's labels, so switching language relabels the view in place.
function buildView() {
  return h('div', { class: 'chat', part: 'container' },
    h('header', { part: 'header' },
      h('span', { class: 'avatar', 'data-testid': 'header-avatar', 'aria-hidden': 'true' }),
      h('div', { class: 'heading' },
        h('h2', { class: 'title', 'data-testid': 'title', dir: 'auto' }),
        h('p', { class: 'subtitle', 'data-testid': 'subtitle', dir: 'auto' })),
      h('button', { type: 'button', class: 'badge', 'data-testid': 'unread-badge', hidden: true }),
      h('span', { class: 'status', 'data-testid': 'status', role: 'status' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }), h('span', { class: 'status-text' })),
      h('button', { type: 'button', class: 'icon-button close', 'data-testid': 'close', 'data-l-aria': 'close', 'data-l-title': 'close' }, '×')),
    h('div', { class: 'error', 'data-testid': 'error', role: 'alert', hidden: true },
      h('span', { class: 'error-text', 'data-testid': 'error-text' }),
      h('button', { type: 'button', class: 'text-button', 'data-testid': 'retry', 'data-l': 'retry' })),
    h('div', { class: 'body' },
      h('div', { class: 'scroller', 'data-testid': 'message-list', tabindex: '0', 'data-l-aria': 'messages' },
        h('p', { class: 'notice', 'data-testid': 'older-loading', hidden: true }, spinner(), h('span', { 'data-l': 'loadingOlder' })),
        h('p', { class: 'notice', 'data-testid': 'history-start', hidden: true, 'data-l': 'historyStart' }),
        h('p', { class: 'notice', 'data-testid': 'loading' }, spinner(), h('span', { 'data-l': 'loading' })),
        h('p', { class: 'notice', 'data-testid': 'empty', hidden: true, 'data-l': 'empty' }),
        h('ol', { class: 'items', role: 'list' })),
      h('button', { type: 'button', class: 'jump', 'data-testid': 'jump-to-latest', hidden: true, 'data-l': 'jump' })),
    h('div', { class: 'typing', 'data-testid': 'typing-indicator', hidden: true }),
    h('form', { part: 'composer', novalidate: true },
      h('div', { class: 'field' },
        h('textarea', { 'data-testid': 'input', rows: '1', dir: 'auto', 'data-l-aria': 'message', 'aria-describedby': 'counter',
          'data-l-placeholder': 'placeholder', autocomplete: 'off' }),
        h('span', { class: 'counter', id: 'counter', 'data-testid': 'counter', hidden: true })),
      h('button', { type: 'submit', class: 'send', 'data-testid': 'send-button', disabled: true, 'data-l': 'send' })),
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

// ---- labels ---------------------------------------------------------------------------------------
// Every word the component shows, per language. The language is the element's `lang`, else the nearest
// ancestor's, else the document's (then the browser's); `TicketChatElement.addLocale('fr', {...})` adds
// one (missing keys fall back to English) and the `labels` property overrides single labels per element.
// `dir: 'rtl'` lays the chat out right to left when neither the element nor the page sets `dir`.
const LOCALES = {
  en: {
    dir: 'ltr', chat: 'Chat', ticket: 'Ticket #{id}', support: 'Support', close: 'Close chat', retry: 'Retry',
    messages: 'Messages', loadingOlder: 'Loading earlier messages', historyStart: 'Start of the conversation',
    loading: 'Loading conversation', empty: 'No messages yet. Say hello!', jump: 'New messages ↓', message: 'Message',
    placeholder: 'Write a message…', send: 'Send', today: 'Today', yesterday: 'Yesterday', you: 'You', system: 'System',
    agent: 'Support agent', customer: 'Customer', and: ' and ', typingOne: '{names} is typing', typingMany: '{names} are typing',
    sending: 'Sending…', waiting: 'Waiting for connection…', notSent: 'Not sent: {reason}', seen: 'Seen', sent: 'Sent',
    edit: 'Edit', tooMany: '{count} too many', unreadOne: '1 unread message; show latest', unreadMany: '{count} unread messages; show latest',
    newMessages: '{count} new messages.', connectionLost: 'Connection lost. Reconnecting.', waitingToken: 'Waiting for a token',
    signedOut: 'Signed out', reconnectingIn: 'Reconnecting in {seconds}s…',
    pollingTitle: 'Live updates are unavailable; checking for new messages every few seconds.',
    idle: 'Not connected', connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', polling: 'Connected (limited)',
    offline: 'Offline', failed: 'Disconnected', closed: 'Closed',
    NETWORK: 'The chat server can’t be reached. Messages you write are kept and sent when the connection returns.',
    UNAUTHENTICATED: 'You’re signed out or your session has expired. Sign in again, then retry.',
    CSRF_REFUSED: 'The server refused the request (CSRF token missing or invalid). Reload the page, then retry.',
    SOCKET_REFUSED: 'The chat server closed the connection. Retry in a moment.', retryInAMoment: 'Retry in a moment.',
    FORBIDDEN: 'You don’t have access to this ticket’s chat.', NOT_FOUND: 'This ticket’s chat could not be found.',
    RATE_LIMITED: 'You’re sending messages too quickly. Wait a moment, then retry.',
    PAYLOAD_TOO_LARGE: 'That message is too long (at most {max} characters).',
    UNAVAILABLE: 'The chat service is temporarily unavailable. Retrying…', INTERNAL: 'Something went wrong on the chat server.',
    CONFLICT: 'That change conflicts with another one. Retry.', cantSend: 'That message can’t be sent.', unknownError: 'Something went wrong.',
  },
  de: {
    chat: 'Chat', ticket: 'Ticket #{id}', support: 'Support', close: 'Chat schließen', retry: 'Erneut versuchen',
    messages: 'Nachrichten', loadingOlder: 'Ältere Nachrichten werden geladen', historyStart: 'Beginn der Unterhaltung',
    loading: 'Unterhaltung wird geladen', empty: 'Noch keine Nachrichten. Sag Hallo!', jump: 'Neue Nachrichten ↓', message: 'Nachricht',
    placeholder: 'Nachricht schreiben…', send: 'Senden', today: 'Heute', yesterday: 'Gestern', you: 'Du', system: 'System',
    agent: 'Support-Mitarbeiter', customer: 'Kunde', and: ' und ', typingOne: '{names} schreibt', typingMany: '{names} schreiben',
    sending: 'Wird gesendet…', waiting: 'Wartet auf Verbindung…', notSent: 'Nicht gesendet: {reason}', seen: 'Gelesen', sent: 'Gesendet',
    edit: 'Bearbeiten', tooMany: '{count} zu viel', unreadOne: '1 ungelesene Nachricht; neueste zeigen',
    unreadMany: '{count} ungelesene Nachrichten; neueste zeigen', newMessages: '{count} neue Nachrichten.',
    connectionLost: 'Verbindung unterbrochen. Neuer Versuch.', waitingToken: 'Wartet auf ein Token', signedOut: 'Abgemeldet',
    reconnectingIn: 'Neuer Versuch in {seconds} s…',
    pollingTitle: 'Live-Aktualisierung nicht verfügbar; neue Nachrichten werden alle paar Sekunden abgefragt.',
    idle: 'Nicht verbunden', connecting: 'Verbinde…', live: 'Live', reconnecting: 'Verbinde erneut…', polling: 'Verbunden (eingeschränkt)',
    offline: 'Offline', failed: 'Getrennt', closed: 'Geschlossen',
    NETWORK: 'Der Chat-Server ist nicht erreichbar. Was du schreibst, wird gesendet, sobald die Verbindung zurück ist.',
    UNAUTHENTICATED: 'Du bist abgemeldet oder deine Sitzung ist abgelaufen. Melde dich an und versuche es erneut.',
    CSRF_REFUSED: 'Der Server hat die Anfrage abgelehnt (CSRF-Token fehlt oder ist ungültig). Lade die Seite neu und versuche es erneut.',
    SOCKET_REFUSED: 'Der Chat-Server hat die Verbindung geschlossen. Versuche es gleich noch einmal.', retryInAMoment: 'Versuche es gleich noch einmal.',
    FORBIDDEN: 'Du hast keinen Zugriff auf den Chat dieses Tickets.', NOT_FOUND: 'Der Chat dieses Tickets wurde nicht gefunden.',
    RATE_LIMITED: 'Du sendest zu schnell. Warte einen Moment und versuche es erneut.',
    PAYLOAD_TOO_LARGE: 'Die Nachricht ist zu lang (höchstens {max} Zeichen).',
    UNAVAILABLE: 'Der Chat ist vorübergehend nicht verfügbar. Neuer Versuch…', INTERNAL: 'Auf dem Chat-Server ist ein Fehler aufgetreten.',
    CONFLICT: 'Die Änderung kollidiert mit einer anderen. Versuche es erneut.', cantSend: 'Diese Nachricht kann nicht gesendet werden.',
    unknownError: 'Etwas ist schiefgelaufen.',
  },
  ar: {
    dir: 'rtl', chat: 'الدردشة', ticket: 'التذكرة #{id}', support: 'الدعم', close: 'إغلاق الدردشة', retry: 'إعادة المحاولة',
    messages: 'الرسائل', loadingOlder: 'جارٍ تحميل الرسائل السابقة', historyStart: 'بداية المحادثة',
    loading: 'جارٍ تحميل المحادثة', empty: 'لا توجد رسائل بعد. قل مرحبًا!', jump: 'رسائل جديدة ↓', message: 'رسالة',
    placeholder: 'اكتب رسالة…', send: 'إرسال', today: 'اليوم', yesterday: 'أمس', you: 'أنت', system: 'النظام',
    agent: 'موظف الدعم', customer: 'العميل', and: ' و', typingOne: '{names} يكتب', typingMany: '{names} يكتبون',
    sending: 'جارٍ الإرسال…', waiting: 'في انتظار الاتصال…', notSent: 'لم تُرسل: {reason}', seen: 'شوهدت', sent: 'أُرسلت',
    edit: 'تعديل', tooMany: 'زائد {count}', unreadOne: 'رسالة واحدة غير مقروءة؛ عرض الأحدث',
    unreadMany: '{count} رسائل غير مقروءة؛ عرض الأحدث', newMessages: '{count} رسائل جديدة.',
    connectionLost: 'انقطع الاتصال. جارٍ إعادة الاتصال.', waitingToken: 'في انتظار رمز الدخول', signedOut: 'تم تسجيل الخروج',
    reconnectingIn: 'إعادة الاتصال خلال {seconds} ث…', pollingTitle: 'التحديثات الفورية غير متاحة؛ يتم التحقق من الرسائل الجديدة كل بضع ثوانٍ.',
    idle: 'غير متصل', connecting: 'جارٍ الاتصال…', live: 'متصل', reconnecting: 'جارٍ إعادة الاتصال…', polling: 'متصل (محدود)',
    offline: 'بلا اتصال', failed: 'انقطع الاتصال', closed: 'مغلقة',
    NETWORK: 'تعذّر الوصول إلى خادم الدردشة. ستُرسل رسائلك عند عودة الاتصال.',
    UNAUTHENTICATED: 'تم تسجيل خروجك أو انتهت جلستك. سجّل الدخول ثم أعد المحاولة.',
    CSRF_REFUSED: 'رفض الخادم الطلب (رمز CSRF مفقود أو غير صالح). أعد تحميل الصفحة ثم أعد المحاولة.',
    SOCKET_REFUSED: 'أغلق خادم الدردشة الاتصال. أعد المحاولة بعد قليل.', retryInAMoment: 'أعد المحاولة بعد قليل.',
    FORBIDDEN: 'ليس لديك صلاحية الوصول إلى دردشة هذه التذكرة.', NOT_FOUND: 'تعذّر العثور على دردشة هذه التذكرة.',
    RATE_LIMITED: 'أنت ترسل الرسائل بسرعة كبيرة. انتظر قليلًا ثم أعد المحاولة.',
    PAYLOAD_TOO_LARGE: 'الرسالة طويلة جدًا (الحد الأقصى {max} حرف).',
    UNAVAILABLE: 'خدمة الدردشة غير متاحة مؤقتًا. جارٍ إعادة المحاولة…', INTERNAL: 'حدث خطأ في خادم الدردشة.',
    CONFLICT: 'يتعارض هذا التغيير مع تغيير آخر. أعد المحاولة.', cantSend: 'لا يمكن إرسال هذه الرسالة.', unknownError: 'حدث خطأ ما.',
  },
};

/** Adds or extends a language: addLocale('fr', {send: 'Envoyer', …}); keys left out stay English. */
export function addLocale(lang, labels) {
  const key = String(lang).toLowerCase();
  LOCALES[key] = { ...(LOCALES[key] ?? {}), ...labels };
  for (const element of liveElements) element.refreshLabels();
}

/** The languages with labels, e.g. ['en', 'de', 'ar']. */
export const locales = () => Object.keys(LOCALES);

const liveElements = new Set();

function localeFor(lang) {
  const tag = String(lang || 'en').toLowerCase();
  return LOCALES[tag] ?? LOCALES[tag.split('-')[0]] ?? null;
}

function format(template, values = {}) {
  return String(template).replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

const CONTENT_ERRORS = new Set(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);
// The length counter shows from here on (90 % of the limit).
const COUNTER_FROM = Math.floor(MAX_MESSAGE_CODE_POINTS * 0.9);
const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 40;

function describeError(error, L) {
  if (error?.code === 'VALIDATION_FAILED') return error.message && error.message !== error.code ? error.message : L.cantSend;
  if (error?.code === 'SOCKET_REFUSED' && error.message) return `${error.message} ${L.retryInAMoment}`;
  const known = L[error?.code];
  if (known && /^[A-Z_]+$/.test(error.code)) return format(known, { max: L.numbers.format(MAX_MESSAGE_CODE_POINTS) });
  return error?.message || L.unknownError;
}

function senderLabel(message, ownType, L) {
  if (message.senderType === 'system' || message.messageType !== 'text' && !message.senderName) return L.system;
  if (message.senderName) return message.senderName;
  if (message.senderType === ownType) return L.you;
  return message.senderType === 'agent' ? L.agent : L.customer;
}

// "Jane Customer" -> "JC", "support" -> "S"; a stable colour per name (dark enough for white initials).
function initials(name) {
  const words = String(name ?? '').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words.slice(0, 1);
  return letters.map((w) => [...w][0]).join('').toLocaleUpperCase() || '?';
}
const AVATAR_COLOURS = ['#0b6e4f', '#8250df', '#bc4c00', '#0969da', '#bf3989', '#1b7c83', '#6e7781', '#953800'];
function avatarColour(name) {
  let hash = 0;
  for (const ch of String(name ?? '')) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}
function paintAvatar(avatar, name) {
  avatar.textContent = initials(name);
  avatar.style.setProperty('--tc-avatar', avatarColour(name));
}

// Links in message text: only http(s) and mailto, built as elements (never parsed as HTML), opening in a
// new tab without giving it a handle on this page. Trailing punctuation stays text ("see https://x.io.").
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
function fillText(bubble, text) {
  bubble.replaceChildren();
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    let raw = match[0];
    while (/[.,;:!?)\]}]$/.test(raw) && !(raw.endsWith(')') && raw.split('(').length >= raw.split(')').length)) raw = raw.slice(0, -1);
    let url = null;
    try { url = new URL(raw); } catch { url = null; }
    if (!url || !SAFE_PROTOCOLS.has(url.protocol) || raw.length < 8) continue;
    if (match.index > last) bubble.append(text.slice(last, match.index));
    const link = document.createElement('a');
    link.href = url.href;
    link.textContent = raw;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    bubble.append(link);
    last = match.index + raw.length;
  }
  if (last < text.length) bubble.append(text.slice(last));
}

// Messages of one sender within this gap form a run: one name and avatar at its start, one time at its end.
const RUN_GAP_MS = 5 * 60 * 1000;
// Messages put into the DOM at first and per step while scrolling back (older ones wait outside the DOM).
const RENDER_CHUNK = 100;
// At most this many messages are in the DOM: scrolling back further lets the newest ones go, and back.
const MAX_NODES = 300;

function dateOf(entry) {
  const at = entry?.createdAt ? new Date(entry.createdAt) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}
const setHidden = (element, hidden) => {
  if (element.hidden !== Boolean(hidden)) element.hidden = Boolean(hidden);
};
const dayKey = (date) => (date ? `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}` : '');

export class TicketChatElement extends HTMLElement {
  static observedAttributes = ['ticket-id', 'user-type', 'api-base', 'ws-base', 'page-size', 'auth', 'csrf-cookie-name', 'csrf-header-name', 'lang', 'dir'];

  /** Adds or extends a language for every element: TicketChatElement.addLocale('fr', {send: 'Envoyer', …}). */
  static addLocale(lang, labels) { addLocale(lang, labels); }

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
  #labelOverrides = null;
  #L = null;
  #windowKey = null;
  #windowEndKey = null;
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
    this.#applyLabels();
    this.#renderStatus(ConnectionState.IDLE);
  }

  // ---- language ---------------------------------------------------------------------------------

  /** The language in use: the element's lang, an ancestor's, the document's, else the browser's. */
  get locale() {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
  }

  /** Labels that override the language's own for this element, e.g. {support: 'Acme Help'}. */
  get labels() { return this.#labelOverrides; }
  set labels(value) {
    this.#labelOverrides = value ?? null;
    this.refreshLabels();
  }

  /** Re-reads the language (after the page's lang changed, say) and relabels everything. */
  refreshLabels() {
    this.#applyLabels();
    this.#renderTitle();
    this.#renderStatus(this.#client?.state ?? ConnectionState.IDLE);
    this.#renderTyping();
    this.#renderComposer();
    for (const node of this.#nodes.values()) this.#renderMessage(node.entry, false);
    this.#placeNodes();
  }

  #applyLabels() {
    const lang = this.locale;
    const chosen = localeFor(lang);
    const L = { ...LOCALES.en, ...(chosen ?? {}), ...(this.#labelOverrides ?? {}) };
    const formatLang = chosen ? lang : 'en';
    L.numbers = new Intl.NumberFormat(formatLang);
    L.time = new Intl.DateTimeFormat(formatLang, { hour: '2-digit', minute: '2-digit' });
    L.full = new Intl.DateTimeFormat(formatLang, { dateStyle: 'medium', timeStyle: 'short' });
    L.day = new Intl.DateTimeFormat(formatLang, { weekday: 'long', day: 'numeric', month: 'long' });
    L.dayWithYear = new Intl.DateTimeFormat(formatLang, { day: 'numeric', month: 'long', year: 'numeric' });
    this.#L = L;
    for (const el of this.#root.querySelectorAll('[data-l]')) el.textContent = L[el.dataset.l];
    for (const el of this.#root.querySelectorAll('[data-l-aria]')) el.setAttribute('aria-label', L[el.dataset.lAria]);
    for (const el of this.#root.querySelectorAll('[data-l-title]')) el.title = L[el.dataset.lTitle];
    for (const el of this.#root.querySelectorAll('[data-l-placeholder]')) el.placeholder = L[el.dataset.lPlaceholder];
    // The labels' language and direction: a page or element that sets dir wins; otherwise the language says.
    const container = this.#root.firstElementChild;
    container.lang = chosen ? lang : 'en';
    if (this.closest('[dir]') || document.documentElement.hasAttribute('dir')) container.removeAttribute('dir');
    else container.dir = L.dir === 'rtl' ? 'rtl' : 'ltr';
  }

  #dayLabel(date) {
    const L = this.#L;
    const today = new Date();
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (dayKey(date) === dayKey(today)) return L.today;
    if (dayKey(date) === dayKey(yesterday)) return L.yesterday;
    return (date.getFullYear() === today.getFullYear() ? L.day : L.dayWithYear).format(date);
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
    liveElements.add(this);
    this.#applyLabels();
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('focus', this.#onVisibility);
    this.#queueRestart();
  }

  disconnectedCallback() {
    liveElements.delete(this);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('focus', this.#onVisibility);
    this.#stopClient();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'lang' || name === 'dir') this.refreshLabels();
    else this.#queueRestart();
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
      this.#els.statusText.textContent = this.#L.waitingToken;
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
    this.#windowKey = null;
    this.#windowEndKey = null;
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
    const { numbers } = this.#L;
    counter.textContent = `${numbers.format(length)} / ${numbers.format(MAX_MESSAGE_CODE_POINTS)}`
      + (over ? ` · ${format(this.#L.tooMany, { count: numbers.format(length - MAX_MESSAGE_CODE_POINTS) })}` : '');
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
    if (scroller.scrollTop < NEAR_TOP_PX) this.#revealOlder();
    if (this.#windowEndKey != null && this.#nearBottom(NEAR_TOP_PX * 10)) this.#revealNewer();
    else if (this.#nearBottom()) {
      this.#els.jump.hidden = true;
      this.#maybeMarkRead();
    }
  }

  // Scrolled back to the top of what is drawn: draw the next chunk of messages already loaded, or load
  // an older page from the server when everything loaded is drawn. The reader's view stays in place.
  #revealOlder() {
    const messages = this.#client?.messages ?? [];
    const start = this.#windowStart(messages);
    if (!this.#loaded || start === 0) {
      this.#loadOlder();
      return;
    }
    const from = Math.max(0, start - RENDER_CHUNK);
    this.#keepInView(this.#nodes.get(messages[start].key), () => {
      const chunk = document.createDocumentFragment();
      for (let i = from; i < start; i++) {
        this.#renderMessage(messages[i], false);
        chunk.append(this.#nodes.get(messages[i].key));
      }
      this.#els.list.prepend(chunk);
      this.#windowKey = messages[from].key;
      // Only the new chunk and the message below it (whose grouping depends on its new neighbour) change.
      this.#group(messages, from, start + 1, from);
      this.#trim(messages, 'end');
    });
    this.#els.historyStart.hidden = Boolean(this.#client?.hasMore) || from > 0;
  }

  // Scrolled down to the bottom of what is drawn while newer messages wait outside the DOM: draw them.
  #revealNewer() {
    const messages = this.#client?.messages ?? [];
    const end = this.#windowEnd(messages);
    if (end >= messages.length) {
      this.#windowEndKey = null;
      return;
    }
    const to = Math.min(messages.length, end + RENDER_CHUNK);
    this.#keepInView(this.#nodes.get(messages[end - 1].key), () => {
      const chunk = document.createDocumentFragment();
      for (let i = end; i < to; i++) {
        this.#renderMessage(messages[i], false);
        chunk.append(this.#nodes.get(messages[i].key));
      }
      this.#els.list.append(chunk);
      this.#windowEndKey = to >= messages.length ? null : messages[to - 1].key;
      this.#group(messages, end - 1, to, this.#windowStart(messages));
      this.#trim(messages, 'start');
    });
  }

  // At most MAX_NODES messages stay in the DOM: past that, the far end of the window (from the reader) goes.
  #trim(messages, side) {
    const start = this.#windowStart(messages);
    const end = this.#windowEnd(messages);
    const excess = end - start - MAX_NODES;
    if (excess <= 0) return;
    const drop = side === 'end' ? messages.slice(end - excess, end) : messages.slice(start, start + excess);
    for (const entry of drop) {
      this.#nodes.get(entry.key)?.remove();
      this.#nodes.delete(entry.key);
    }
    if (side === 'end') this.#windowEndKey = messages[end - excess - 1].key;
    else {
      this.#windowKey = messages[start + excess].key;
      this.#group(messages, start + excess, start + excess + 1, start + excess);
    }
    if (side === 'end') this.#group(messages, end - excess - 1, end - excess, start);
  }

  // Runs a change of the drawn messages without moving what the reader looks at (anchored on a node that stays).
  #keepInView(anchor, change) {
    const { scroller } = this.#els;
    const before = anchor?.getBoundingClientRect().top;
    change();
    if (anchor?.isConnected) scroller.scrollTop += anchor.getBoundingClientRect().top - before;
  }

  // The drawn window's end (exclusive): the end of the list unless the reader scrolled far back.
  #windowEnd(messages) {
    if (this.#windowEndKey == null) return messages.length;
    const index = messages.findIndex((m) => m.key === this.#windowEndKey);
    return index < 0 ? messages.length : index + 1;
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

  #nearBottom(margin = NEAR_BOTTOM_PX) {
    const { scroller } = this.#els;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < margin;
  }

  #scrollToBottom(force) {
    const { scroller } = this.#els;
    if (force && this.#windowEndKey != null) this.#redrawLatest();
    if (force || this.#nearBottom()) scroller.scrollTop = scroller.scrollHeight;
    this.#els.jump.hidden = true;
    this.#maybeMarkRead();
  }

  // Back to the newest messages from far back in a long history: draw the latest chunk afresh.
  #redrawLatest() {
    for (const node of this.#nodes.values()) node.remove();
    this.#nodes.clear();
    this.#windowKey = null;
    this.#windowEndKey = null;
    const messages = this.#client?.messages ?? [];
    for (const entry of messages.slice(this.#windowStart(messages))) this.#renderMessage(entry, false);
    this.#placeNodes();
  }

  #isSeen() {
    // clientHeight is 0 while the host hides the chat (display: none): nothing is seen then.
    return this.isConnected && document.visibilityState === 'visible' && this.#els.scroller.clientHeight > 0
      && this.#windowEndKey == null && this.#nearBottom();
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
    const wasNearBottom = this.#windowEndKey == null && this.#nearBottom();
    const distanceFromBottom = scroller.scrollHeight - scroller.scrollTop;
    const firstLoad = !this.#loaded;
    for (const entry of removed) {
      this.#nodes.get(entry.key)?.remove();
      this.#nodes.delete(entry.key);
    }
    if (reason === 'reset') {
      // The server's history changed under us: the client reloads it; show that instead of stale messages.
      this.#loaded = false;
      this.#windowKey = null;
      this.#windowEndKey = null;
      this.#announced.clear();
      this.#els.loading.hidden = false;
      this.#els.empty.hidden = true;
      this.#els.historyStart.hidden = true;
      this.#setUnread(0);
      return;
    }
    if (reason === 'initial' || firstLoad && reason !== 'sent') this.#finishLoading();
    const animate = !firstLoad && reason !== 'history' && reason !== 'initial';
    const messages = this.#client?.messages ?? [];
    if (reason === 'initial' || firstLoad) {
      this.#windowKey = null;
      this.#windowEndKey = null;
    }
    // Older messages loaded because the reader reached the top: the next chunk of them goes in.
    let start = this.#windowStart(messages);
    if (reason === 'history') start = Math.max(0, start - RENDER_CHUNK);
    this.#windowKey = messages[start]?.key ?? null;
    const shown = new Set();
    const end = this.#windowEnd(messages);
    for (let i = start; i < end; i++) shown.add(messages[i].key);
    for (const entry of changed) if (shown.has(entry.key)) this.#renderMessage(entry, animate);
    // A history page that isn't rendered yet leaves older nodes in place; nodes between start and the
    // first rendered one are drawn now so the window has no holes.
    for (let i = start; i < messages.length && !this.#nodes.has(messages[i].key); i++) this.#renderMessage(messages[i], false);
    this.#placeNodes();
    if (reason === 'history') this.#trim(messages, 'end');
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
      this.#els.jump.hidden = this.#windowEndKey == null && this.#nearBottom();
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
    if (scroller.scrollHeight <= scroller.clientHeight) this.#revealOlder();
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
      this.#announceText(this.#L.connectionLost);
      return; // the status indicator says it; no need for a banner on every blip
    }
    this.#showError(error);
  }

  // ---- rendering --------------------------------------------------------------------------------

  // The header says who you talk to: a customer sees the agent who answered (by name, once one has;
  // "Support" before), an agent sees the ticket and its customer.
  #renderTitle() {
    const L = this.#L;
    const t = this.#ticket;
    const id = this.getAttribute('ticket-id');
    const title = t?.issue_title ?? t?.issueTitle ?? t?.title;
    const ticketLabel = id ? format(L.ticket, { id }) : null;
    let heading;
    let subtitle;
    if (this.userType === 'customer') {
      heading = this.#agentName() ?? L.support;
      subtitle = [title, ticketLabel].filter(Boolean).join(' · ');
    } else {
      heading = title ?? ticketLabel ?? L.chat;
      subtitle = [title && id ? `#${id}` : null, t?.name ?? t?.customerName].filter(Boolean).join(' · ');
    }
    this.#els.title.textContent = heading;
    this.#els.subtitle.textContent = subtitle;
    const avatar = this.#root.querySelector('[data-testid="header-avatar"]');
    paintAvatar(avatar, this.userType === 'customer' ? heading : (t?.name ?? t?.customerName ?? heading));
  }

  // The latest agent who wrote in this conversation, if any.
  #agentName() {
    const messages = this.#client?.messages ?? [];
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if (m.senderType === 'agent' && m.senderName && m.messageType !== 'system') return m.senderName;
    }
    return null;
  }

  #renderStatus(state, retryInMs) {
    const L = this.#L;
    const { status, statusText } = this.#els;
    status.dataset.state = state;
    let text = L[state] ?? state;
    if (state === ConnectionState.FAILED && this.#client?.lastError?.code === 'UNAUTHENTICATED') text = L.signedOut;
    if (state === ConnectionState.RECONNECTING && retryInMs >= 1500) text = format(L.reconnectingIn, { seconds: Math.round(retryInMs / 1000) });
    statusText.textContent = text;
    status.title = state === ConnectionState.POLLING ? L.pollingTitle : text;
  }

  #renderTyping() {
    const L = this.#L;
    const names = [...this.#remoteTyping.entries()].map(([type, name]) => name || (type === 'agent' ? L.agent : L.customer));
    const { typing } = this.#els;
    typing.replaceChildren();
    if (!names.length) {
      typing.hidden = true;
      return;
    }
    const text = document.createElement('span');
    text.textContent = format(names.length > 1 ? L.typingMany : L.typingOne, { names: names.join(L.and) });
    const dots = document.createElement('span');
    dots.className = 'typing-dots';
    dots.setAttribute('aria-hidden', 'true');
    typing.append(text, dots);
    typing.hidden = false;
  }

  // A message is <li>: a day separator (shown on a day's first message), the sender's name, a row with
  // the avatar and the bubble, and a line with the time (shown at the end of a run) and the receipt.
  #renderMessage(entry, animate) {
    let node = this.#nodes.get(entry.key);
    if (!node) {
      node = document.createElement('li');
      node.dataset.testid = 'message-item';
      node.dataset.key = entry.key;
      const day = h('div', { class: 'day', 'data-testid': 'day-separator', hidden: true });
      const sender = h('span', { class: 'sender', 'data-testid': 'message-sender', dir: 'auto' });
      const avatar = h('span', { class: 'avatar', 'data-testid': 'message-avatar', 'aria-hidden': 'true' });
      // Arabic or Hebrew text takes its direction from its first strong character, whatever the page's.
      const bubble = h('div', { class: 'bubble', 'data-testid': 'message-text', dir: 'auto' });
      const meta = h('div', { class: 'meta' }, h('time', { 'data-testid': 'message-time' }), h('span', { 'data-testid': 'message-state' }));
      node.append(day, sender, h('div', { class: 'row' }, avatar, bubble), meta);
      node.els = { day, sender, avatar, bubble, meta, time: meta.firstElementChild, state: meta.lastElementChild };
      if (animate) {
        node.classList.add('enter');
        node.addEventListener('animationend', () => node.classList.remove('enter'), { once: true });
      }
      this.#nodes.set(entry.key, node);
    }
    const previous = node.entry;
    node.entry = entry;
    const own = entry.own || entry.senderType === this.userType;
    const system = entry.senderType === 'system' || entry.messageType === 'system' || entry.messageType === 'status_update';
    node.className = [system ? 'system' : own ? 'own' : 'other', ...(node.classList.contains('enter') ? ['enter'] : [])].join(' ');
    node.dataset.status = entry.status;
    if (entry.id != null) node.dataset.messageId = String(entry.id);
    if (entry.clientMessageId) node.dataset.clientMessageId = entry.clientMessageId;
    node.dataset.senderType = entry.senderType ?? '';
    const { sender, avatar, bubble, time } = node.els;
    const name = senderLabel(entry, this.userType, this.#L);
    sender.textContent = name;
    paintAvatar(avatar, name);
    if (previous?.text !== entry.text || !bubble.firstChild) fillText(bubble, entry.text);
    const at = dateOf(entry);
    if (at) {
      time.dateTime = at.toISOString();
      time.textContent = this.#L.time.format(at);
      time.title = this.#L.full.format(at);
    }
    this.#renderReceipt(node);
  }

  #renderReceipt(node) {
    const L = this.#L;
    const entry = node.entry;
    const own = entry.own || entry.senderType === this.userType;
    const { meta, state } = node.els;
    meta.querySelector('.text-button')?.remove();
    let text = '';
    if (entry.status === MessageStatus.PENDING) text = this.#client?.state === ConnectionState.LIVE || this.#client?.state === ConnectionState.POLLING ? L.sending : L.waiting;
    else if (entry.status === MessageStatus.FAILED) text = format(L.notSent, { reason: describeError(entry.error, L) });
    else if (own && entry.id != null && entry.id <= (this.#client?.readByOtherUpTo ?? 0)) text = L.seen;
    else if (own) text = L.sent;
    state.textContent = text;
    state.hidden = !text;
    if (entry.status === MessageStatus.FAILED) {
      // A message refused for its content would be refused again: offer to edit it, not to retry it.
      const editable = CONTENT_ERRORS.has(entry.error?.code);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'text-button';
      button.dataset.testid = editable ? 'message-edit' : 'message-retry';
      button.textContent = editable ? L.edit : L.retry;
      button.addEventListener('click', () => (editable ? this.#editFailed(entry) : this.#client?.retrySend(entry.clientMessageId)));
      meta.append(button);
    }
    meta.hidden = node.els.time.hidden && !text && entry.status !== MessageStatus.FAILED;
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

  // The messages in the DOM: the newest ones from the window's first key on; older ones are added a
  // chunk at a time as the reader scrolls back (see #revealOlder), so a long history costs nothing up front.
  #windowStart(messages) {
    if (this.#windowKey == null) return Math.max(0, messages.length - RENDER_CHUNK);
    const index = messages.findIndex((m) => m.key === this.#windowKey);
    return index < 0 ? Math.max(0, messages.length - Math.max(this.#nodes.size, RENDER_CHUNK)) : index;
  }

  // Puts the message nodes in the client's order, touching only nodes that are out of place, then groups them.
  #placeNodes() {
    const { list } = this.#els;
    const messages = this.#client?.messages ?? [];
    const start = this.#windowStart(messages);
    const end = this.#windowEnd(messages);
    let cursor = list.firstElementChild;
    for (let i = start; i < end; i++) {
      const node = this.#nodes.get(messages[i].key);
      if (!node) continue;
      if (node !== cursor) list.insertBefore(node, cursor);
      else cursor = cursor.nextElementSibling;
    }
    this.#group(messages, start, end, start);
    if (this.#loaded) this.#els.historyStart.hidden = Boolean(this.#client?.hasMore) || start > 0;
    this.#renderTitle();
  }

  // Grouping of messages[from, to): a day separator before a day's first message, the sender's name and
  // avatar at the start of a run of one sender's messages, the time at its end. Writes only what changes,
  // so a long list isn't re-laid out for nothing.
  #group(messages, from, to, windowStart) {
    const end = Math.min(to, messages.length);
    let previous = from > 0 ? messages[from - 1] : null;
    let previousAt = dateOf(previous);
    let previousNode = from > windowStart ? this.#nodes.get(previous?.key) : null;
    for (let i = from; i < end; i++) {
      const entry = messages[i];
      const node = this.#nodes.get(entry.key);
      if (!node) continue;
      const at = dateOf(entry);
      const newDay = !previous || dayKey(at) !== dayKey(previousAt);
      const sameRun = !newDay && previous && previous.senderType === entry.senderType && previous.senderName === entry.senderName
        && (!at || !previousAt || at - previousAt < RUN_GAP_MS);
      const { day, sender, avatar } = node.els;
      setHidden(day, !newDay || !at);
      if (!day.hidden) {
        const label = this.#dayLabel(at);
        if (day.textContent !== label) day.textContent = label;
      }
      const mine = entry.own || (entry.senderType === this.userType && entry.senderName === this.#user?.name);
      setHidden(sender, sameRun || mine || node.classList.contains('system'));
      avatar.classList.toggle('spacer', Boolean(sameRun));
      if (previousNode) this.#showTime(previousNode, !sameRun);
      previous = entry;
      previousAt = at;
      previousNode = node;
    }
    if (previousNode) {
      const next = messages[end];
      const nextAt = dateOf(next);
      const runGoesOn = next && this.#nodes.has(next.key) && next.senderType === previous.senderType && next.senderName === previous.senderName
        && dayKey(nextAt) === dayKey(previousAt) && (!nextAt || !previousAt || nextAt - previousAt < RUN_GAP_MS);
      this.#showTime(previousNode, !runGoesOn);
    }
  }

  #showTime(node, shown) {
    setHidden(node.els.time, !shown || !node.els.time.dateTime);
    setHidden(node.els.meta, node.els.time.hidden && node.els.state.hidden && node.entry.status !== MessageStatus.FAILED);
  }

  #announce(messages) {
    const lines = messages.map((m) => `${senderLabel(m, this.userType, this.#L)}: ${m.text}`);
    for (const m of messages) this.#announced.add(m.key);
    this.#announceText(messages.length > 3 ? format(this.#L.newMessages, { count: messages.length }) : lines.join('\n'));
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
    badge.setAttribute('aria-label', format(this.#unread === 1 ? this.#L.unreadOne : this.#L.unreadMany, { count: this.#unread }));
    if (changed) this.dispatchEvent(new CustomEvent('ticket-chat-unread-change', { bubbles: true, composed: true, detail: { count: this.#unread } }));
  }

  #showError(error) {
    this.#lastError = error;
    this.#els.errorText.textContent = describeError(error, this.#L);
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
