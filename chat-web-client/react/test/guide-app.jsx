// Renders the guide's usage example, unchanged, against a running chat service. The page's query says
// where the service is and which ticket, user and token to use (the test gets them from demo mode).
import { createRoot } from 'react-dom/client';
import { TicketChatProvider } from '../index.js';
import { TicketDetail } from './guide-example.jsx';

const params = new URLSearchParams(location.search);
const ticket = JSON.parse(params.get('ticket'));
const user = JSON.parse(params.get('user'));
const token = params.get('token');

createRoot(document.getElementById('root')).render(
  <TicketChatProvider apiBase={params.get('api')} tokenProvider={async () => token}>
    <TicketDetail ticket={ticket} user={user} />
  </TicketChatProvider>,
);
