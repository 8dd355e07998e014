package io.ticketchat.application.testing;

import io.ticketchat.application.port.out.ChatEventListener;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.domain.event.ChatEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event and passes it straight on to listeners, as if each use case committed at once. */
public class RecordingChatEventPublisher implements ChatEventPublisher {

    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final List<ChatEventListener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(ChatEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void publish(ChatEvent event) {
        events.add(event);
        listeners.forEach(l -> l.onEvent(event));
    }

    public List<ChatEvent> events() {
        return List.copyOf(events);
    }

    public <T extends ChatEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        events.clear();
    }
}
