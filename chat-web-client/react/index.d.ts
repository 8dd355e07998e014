import type { CSSProperties, ReactElement, ReactNode } from 'react';

/** The guide's ticket object. */
export interface Ticket {
  id: number | string;
  name?: string;
  issue_title?: string;
  [field: string]: unknown;
}

/** The signed-in person; the server takes identity from the token or session, this only labels own sends early. */
export interface ChatUser {
  id: number | string;
  name?: string;
}

export type UserType = 'agent' | 'customer';

/** Asked before every request; `refresh` is true after a 401. */
export type TokenProvider = (options: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

/** A message this chat sent, once the server stored it. */
export interface AddedReply {
  id: number;
  ticketId: number;
  clientMessageId: string;
  text: string;
  createdAt: string;
}

export interface TicketChatProps {
  ticket: Ticket;
  user?: ChatUser;
  userType?: UserType;
  onClose?: (event: CustomEvent<{ ticketId: string }>) => void;
  onReplyAdded?: (message: AddedReply, event: CustomEvent<{ message: AddedReply }>) => void;
  /** Without one (here or from a TicketChatProvider) the chat uses the page's session cookie. */
  tokenProvider?: TokenProvider;
  /** Anything else goes to the <ticket-chat> element. */
  className?: string;
  style?: CSSProperties;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  theme?: 'light' | 'dark';
  'api-base'?: string;
  'page-size'?: number | string;
  id?: string;
}

export declare function TicketChat(props: TicketChatProps): ReactElement;
export default TicketChat;

export interface TicketChatProviderProps {
  tokenProvider?: TokenProvider;
  /** The chat server's origin (and path prefix) when it isn't the page's. */
  apiBase?: string;
  /** Where ticket-chat.js is loaded from; default `${apiBase}/ticket-chat/ticket-chat.js`. */
  scriptSrc?: string;
  children?: ReactNode;
}

export declare function TicketChatProvider(props: TicketChatProviderProps): ReactElement;
