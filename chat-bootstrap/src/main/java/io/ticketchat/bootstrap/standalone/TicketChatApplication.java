package io.ticketchat.bootstrap.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * Ticket Chat as a service of its own. Without a configured database it runs on the embedded MariaDB
 * in demo mode; with SPRING_DATASOURCE_URL it uses that server. Hosts embedding the chat never run
 * this class: they get the auto-configuration alone.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(StandaloneConfiguration.class)
public class TicketChatApplication {

    private static final String RELAXED_CHARS = "\",<,>,[,\\,],^,`,{,|,}";

    /** Defaults of the standalone service; every one can be overridden the usual Spring Boot ways. */
    static final Map<String, Object> STANDALONE_DEFAULTS = Map.ofEntries(
            Map.entry("spring.application.name", "ticket-chat"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "20s"),
            Map.entry("chat.schema.standalone-tables", "true"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            // Names and statuses of db and chatSockets for anyone; their details stay hidden.
            Map.entry("management.endpoint.health.show-components", "always"),
            // While the database is unreachable a request waits this long for a connection, then gets
            // UNAVAILABLE (milliseconds; Hikari's own default is 30 s, longer than any client waits for an answer).
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            Map.entry("spring.datasource.hikari.validation-timeout", "1000"),
            // A database that stops answering (hung, frozen, a silent network) must not hold a statement
            // forever: the driver gives up on a connection attempt after 2 s and on a statement's answer
            // after 10 s (milliseconds; same names for MariaDB Connector/J and MySQL Connector/J).
            Map.entry("spring.datasource.hikari.data-source-properties.connectTimeout", "2000"),
            Map.entry("spring.datasource.hikari.data-source-properties.socketTimeout", "10000"),
            // Tomcat refuses these characters unencoded in a request target before it even knows the path, so the
            // chat could not answer in its own shape; let them through to the chat, which refuses what it must.
            Map.entry("server.tomcat.relaxed-path-chars", RELAXED_CHARS),
            Map.entry("server.tomcat.relaxed-query-chars", RELAXED_CHARS),
            Map.entry("logging.level.ch.vorburger", "WARN"),
            Map.entry("logging.level.org.mariadb.jdbc.message.server.ErrorPacket", "ERROR"),
            Map.entry("logging.level.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "ERROR"));

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(TicketChatApplication.class);
        application.setDefaultProperties(STANDALONE_DEFAULTS);
        application.addInitializers(new EmbeddedDatabaseInitializer());
        return application;
    }
}
