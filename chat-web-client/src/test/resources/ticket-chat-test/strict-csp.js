// The page of strict-csp.html: no inline script or style, Trusted Types required. Any violation the
// component causes is recorded for the test.
import { FakeChatServer } from './fake-chat-server.js';

window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));

const server = new FakeChatServer();
window.fakeServer = server;
window.fetch = server.fetch;
window.WebSocket = server.WebSocket;
server.post(1, { senderType: 'agent', senderId: 1, senderName: 'Agent Smith', text: 'Hello from a locked-down page' });

await import('/ticket-chat/ticket-chat.js');
const customer = document.getElementById('customer');
customer.style.height = '480px';
customer.user = { id: 2, name: 'Jane Customer' };
customer.token = 'customer:2:Jane Customer';
window.ready = true;
