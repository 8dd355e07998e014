// The component in a small React app (built once with React 18 and once with React 19): the guide's
// props, a token provider, and callbacks that the browser test observes through window.reactEvents.
import { useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { TicketChat } from '../index.js';

window.reactEvents = [];

function App() {
  const [open, setOpen] = useState(true);
  const [replies, setReplies] = useState(0);
  // New objects and functions on every render, as real apps pass them: the chat must not restart.
  const ticket = { id: 1, name: 'Jane Customer', issue_title: 'Printer on fire' };
  return (
    <main>
      <p>React <span id="react-version">{version}</span>, replies added: <span id="replies">{replies}</span></p>
      {open ? (
        <TicketChat
          id="agent"
          ticket={ticket}
          user={{ id: 1, name: 'Agent Smith' }}
          userType="agent"
          tokenProvider={async () => 'agent:1:Agent Smith'}
          onClose={(event) => {
            window.reactEvents.push({ type: 'close', ticketId: event.detail.ticketId });
            setOpen(false);
          }}
          onReplyAdded={(message) => {
            window.reactEvents.push({ type: 'reply-added', text: message.text, id: message.id });
            setReplies((n) => n + 1);
          }}
          style={{ height: 480 }}
        />
      ) : <p id="closed">Chat closed</p>}
      <TicketChat id="customer" ticket={{ id: 1 }} user={{ id: 2, name: 'Jane Customer' }} userType="customer"
        tokenProvider={async () => 'customer:2:Jane Customer'} style={{ height: 480 }} />
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
