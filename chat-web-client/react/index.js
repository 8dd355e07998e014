// @ticket-chat/react: the guide's <TicketChat ticket user userType onClose onReplyAdded /> for React 18 and 19.
// It renders the framework-free <ticket-chat> Web Component and talks to it through a ref: properties
// (ticket, user, tokenProvider) are set on the element and its DOM events call the callbacks, which is
// what React 18 needs and what React 19 handles the same way. No JSX, so the file runs without a build.
import { createContext, createElement, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';

const TAG = 'ticket-chat';
const DEFAULT_SCRIPT = '/ticket-chat/ticket-chat.js';
const TicketChatSettings = createContext({});

// The element's script comes from the chat server (it is versioned and cached there); it is loaded once,
// on first use, unless the page has loaded it already.
let loading = null;
function loadElement(scriptSrc) {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return Promise.resolve();
  loading ??= import(/* @vite-ignore */ scriptSrc).then(() => customElements.whenDefined(TAG));
  return loading;
}

/**
 * Settings for every <TicketChat> below it, so that the guide's usage stays unchanged:
 * tokenProvider (async ({refresh}) => bearer token), apiBase (the chat server's origin when it isn't the
 * page's) and scriptSrc (where ticket-chat.js is; default {apiBase}/ticket-chat/ticket-chat.js).
 */
export function TicketChatProvider({ tokenProvider, apiBase, scriptSrc, children }) {
  const parent = useContext(TicketChatSettings);
  const value = {
    tokenProvider: tokenProvider ?? parent.tokenProvider,
    apiBase: apiBase ?? parent.apiBase,
    scriptSrc: scriptSrc ?? parent.scriptSrc,
  };
  return createElement(TicketChatSettings.Provider, { value }, children);
}

/**
 * The chat of one ticket. Props: ticket ({id, name, issue_title}), user ({id, name}), userType ('agent' or
 * 'customer'), onClose(event), onReplyAdded(message, event) and tokenProvider (without one, from here or a
 * TicketChatProvider, the chat uses the page's session cookie). Any other prop goes to the element
 * (className, style, lang, dir, theme, api-base, page-size, ...).
 */
export function TicketChat({ ticket, user, userType = 'customer', onClose, onReplyAdded, tokenProvider, ...elementProps }) {
  const settings = useContext(TicketChatSettings);
  const ref = useRef(null);
  const callbacks = useRef({});
  callbacks.current = { onClose, onReplyAdded };
  const [defined, setDefined] = useState(() => typeof customElements !== 'undefined' && Boolean(customElements.get(TAG)));
  const apiBase = elementProps['api-base'] ?? settings.apiBase;
  const provider = tokenProvider ?? settings.tokenProvider ?? null;

  useEffect(() => {
    if (defined) return undefined;
    let current = true;
    loadElement(settings.scriptSrc ?? `${(apiBase ?? '').replace(/\/$/, '')}${DEFAULT_SCRIPT}`)
      .then(() => { if (current) setDefined(true); })
      .catch((error) => console.error('[ticket-chat] could not load the <ticket-chat> element:', error));
    return () => { current = false; };
  }, [defined, settings.scriptSrc, apiBase]);

  // Properties only once the element is defined: set earlier, they would hide its own accessors.
  // Layout effects, so the element has all of them before it starts (it starts in a microtask).
  useLayoutEffect(() => {
    if (defined) ref.current.tokenProvider = provider;
  }, [defined, provider]);
  useLayoutEffect(() => {
    if (defined) ref.current.user = user ?? null;
  }, [defined, user]);
  useLayoutEffect(() => {
    if (defined) ref.current.ticket = ticket ?? null;
  }, [defined, ticket]);

  useEffect(() => {
    const element = ref.current;
    const close = (event) => callbacks.current.onClose?.(event);
    const replyAdded = (event) => callbacks.current.onReplyAdded?.(event.detail.message, event);
    element.addEventListener('ticket-chat-close', close);
    element.addEventListener('ticket-chat-reply-added', replyAdded);
    return () => {
      element.removeEventListener('ticket-chat-close', close);
      element.removeEventListener('ticket-chat-reply-added', replyAdded);
    };
  }, []);

  return createElement(TAG, {
    ...elementProps,
    ref,
    'ticket-id': ticket?.id == null ? undefined : String(ticket.id),
    'user-type': userType,
    ...(apiBase ? { 'api-base': apiBase } : {}),
  });
}

export default TicketChat;
