import TicketChat from './components/TicketChat';

function TicketDetail({ ticket, user }) {
  const [showChat, setShowChat] = useState(false);

  return (
    <div>
      <button onClick={() => setShowChat(true)}>
        Open Chat
      </button>
      
      {showChat && (
        <TicketChat
          ticket={ticket}
          user={user}
          userType="agent"
          onClose={() => setShowChat(false)}
          onReplyAdded={() => {
            // Refresh ticket list or update UI
          }}
        />
      )}
    </div>
  );
}
