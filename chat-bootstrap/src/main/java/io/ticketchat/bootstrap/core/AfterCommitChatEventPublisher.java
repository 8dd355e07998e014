package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.out.ChatEventListener;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.domain.event.ChatEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Holds events back until the use case's transaction commits and drops them on rollback, so no
 * socket ever hears of a message that is not stored. Outside a transaction events go out at once.
 * Listeners run on the committing thread in publication order; one failing listener does not stop
 * the others.
 */
public class AfterCommitChatEventPublisher implements ChatEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitChatEventPublisher.class);

    private final Supplier<List<ChatEventListener>> listeners;

    public AfterCommitChatEventPublisher(Supplier<List<ChatEventListener>> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void publish(ChatEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatch(List.of(event));
            return;
        }
        pendingEvents().add(event);
    }

    private List<ChatEvent> pendingEvents() {
        Object key = this;
        @SuppressWarnings("unchecked")
        List<ChatEvent> pending = (List<ChatEvent>) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            List<ChatEvent> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                    if (status == STATUS_COMMITTED) {
                        dispatch(fresh);
                    }
                }
            });
            return fresh;
        }
        return pending;
    }

    private void dispatch(List<ChatEvent> events) {
        List<ChatEventListener> targets = listeners.get();
        for (ChatEvent event : events) {
            for (ChatEventListener listener : targets) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.error("Chat event listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
