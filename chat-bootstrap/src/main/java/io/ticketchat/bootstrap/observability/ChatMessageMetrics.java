package io.ticketchat.bootstrap.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketchat.application.port.out.ChatEventListener;
import io.ticketchat.domain.event.ChatEvent;
import io.ticketchat.domain.event.MessagePosted;

/**
 * {@code chat.messages.posted}: messages stored, counted from committed events, so a rolled-back post
 * or an idempotent repeat never counts, whichever transport it came through.
 */
public class ChatMessageMetrics implements MeterBinder, ChatEventListener {

    public static final String MESSAGES_POSTED = "chat.messages.posted";

    private volatile Counter posted;

    @Override
    public void bindTo(MeterRegistry registry) {
        posted = Counter.builder(MESSAGES_POSTED)
                .description("Chat messages stored (REST and WebSocket)")
                .baseUnit("messages")
                .register(registry);
    }

    @Override
    public void onEvent(ChatEvent event) {
        Counter counter = posted;
        if (event instanceof MessagePosted && counter != null) {
            counter.increment();
        }
    }
}
