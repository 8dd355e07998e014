package io.ticketchat.reliability;

import io.ticketchat.bootstrap.standalone.TicketChatApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The standalone service started in this JVM, on a random port, against the given database. */
final class InProcessService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private InProcessService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static InProcessService start(String jdbcUrl, String... extra) {
        String[] arguments = ServiceOptions.arguments(jdbcUrl, 0, extra).toArray(String[]::new);
        return new InProcessService(TicketChatApplication.application().run(arguments));
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
