package io.ticketchat.bootstrap;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.ChangeChatSessionStatusUseCase;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.CountUnreadMessagesUseCase;
import io.ticketchat.application.port.in.ExpireTypingUseCase;
import io.ticketchat.application.port.in.JoinTicketRoomUseCase;
import io.ticketchat.application.port.in.LeaveTicketRoomUseCase;
import io.ticketchat.application.port.in.StartTypingUseCase;
import io.ticketchat.application.port.in.StopTypingUseCase;
import io.ticketchat.application.port.in.UpdateSessionTypingUseCase;
import io.ticketchat.bootstrap.core.ChatUseCaseConfiguration;
import io.ticketchat.bootstrap.core.TypingExpiry;
import io.ticketchat.bootstrap.observability.ChatObservabilityAutoConfiguration;
import io.ticketchat.bootstrap.persistence.ChatPersistenceAutoConfiguration;
import org.mockito.Mockito;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.OpenChatSessionUseCase;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.application.service.GrantedTicketsAccessPolicy;
import io.ticketchat.application.testing.InMemoryChatParticipantRepository;
import io.ticketchat.application.testing.InMemoryChatSessionRepository;
import io.ticketchat.application.testing.InMemoryMessageRepository;
import io.ticketchat.application.testing.InMemoryTicketDirectory;
import io.ticketchat.application.testing.RecordingChatEventPublisher;
import io.ticketchat.bootstrap.core.AfterCommitChatEventPublisher;
import io.ticketchat.bootstrap.observability.ChatMessageMetrics;
import io.ticketchat.bootstrap.observability.ChatSocketMetrics;
import io.ticketchat.bootstrap.observability.ChatSocketsHealthIndicator;
import io.ticketchat.bootstrap.persistence.ChatSchemaMigration;
import io.ticketchat.persistence.jooq.ChatPersistenceSettings;
import io.ticketchat.persistence.jooq.JooqMessageRepository;
import io.ticketchat.persistence.jooq.JooqTicketDirectory;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.ratelimit.Bucket4jSendRateLimiter;
import io.ticketchat.ratelimit.SendRateLimitSettings;
import io.ticketchat.web.rest.ChatMessagesController;
import io.ticketchat.web.rest.ChatRestSettings;
import io.ticketchat.web.rest.ChatSessionsController;
import io.ticketchat.web.socket.ChatConnections;
import io.ticketchat.web.socket.ChatSocketHandler;
import io.ticketchat.web.socket.ChatWebSocketSettings;
import io.ticketchat.web.socket.TicketRooms;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.SecurityFilterChain;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a host gets from the auto-configuration alone, next to Boot's own DataSource, transaction and
 * jOOQ auto-configurations, and what backs off when the host brings its own.
 */
class ChatAutoConfigurationTest {

    /** Every chat auto-configuration, as AutoConfiguration.imports lists them (checked below). */
    static final List<Class<?>> CHAT_AUTO_CONFIGURATIONS = List.of(ChatPersistenceAutoConfiguration.class,
            ChatRateLimitAutoConfiguration.class, ChatCoreAutoConfiguration.class, ChatRestAutoConfiguration.class,
            ChatWebSocketAutoConfiguration.class, ChatObservabilityAutoConfiguration.class);

    private static final AutoConfigurations HOST_AUTO_CONFIGURATIONS = AutoConfigurations.of(
            DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JooqAutoConfiguration.class, ChatPersistenceAutoConfiguration.class,
            ChatRateLimitAutoConfiguration.class, ChatCoreAutoConfiguration.class, ChatRestAutoConfiguration.class,
            ChatWebSocketAutoConfiguration.class, ChatObservabilityAutoConfiguration.class);

    /** A migrated database for the contexts that do not test migrating. */
    private static ChatTestDatabase database;

    @BeforeAll
    static void database() {
        database = ChatTestServer.shared().createDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static ApplicationContextRunner plain(ChatTestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(HOST_AUTO_CONFIGURATIONS)
                .withPropertyValues(datasource(db));
    }

    private static WebApplicationContextRunner web(ChatTestDatabase db) {
        return new WebApplicationContextRunner()
                .withConfiguration(HOST_AUTO_CONFIGURATIONS)
                .withPropertyValues(datasource(db))
                .withPropertyValues("chat.schema.migrate=false")
                .withBean(CallerResolver.class, () -> principal -> Optional.empty());
    }

    private static String[] datasource(ChatTestDatabase db) {
        return new String[] {"spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + env(ChatTestServer.USER_VARIABLE, "root"),
                "spring.datasource.password=" + env(ChatTestServer.PASSWORD_VARIABLE, "")};
    }

    @Test
    void aPlainApplicationGetsTheUseCasesOverTheJooqAdapterAndNoWebAdapters() {
        plain(database).withPropertyValues("chat.schema.migrate=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(PostMessageUseCase.class).hasSingleBean(ListMessagesUseCase.class)
                    .hasSingleBean(MarkMessagesReadUseCase.class).hasSingleBean(OpenChatSessionUseCase.class);
            assertThat(context).getBean(MessageRepository.class).isInstanceOf(JooqMessageRepository.class);
            assertThat(context).getBean(TicketDirectory.class).isInstanceOf(JooqTicketDirectory.class);
            assertThat(context).hasSingleBean(ChatSessionRepository.class).hasSingleBean(ChatParticipantRepository.class);
            assertThat(context).getBean(TicketAccessPolicy.class).isInstanceOf(GrantedTicketsAccessPolicy.class);
            assertThat(context).getBean(ChatEventPublisher.class).isInstanceOf(AfterCommitChatEventPublisher.class);
            assertThat(context).getBean(SendRateLimiter.class).isInstanceOf(Bucket4jSendRateLimiter.class);
            assertThat(context).hasSingleBean(ChatMessageMetrics.class);
            assertThat(context).doesNotHaveBean(ChatMessagesController.class).doesNotHaveBean(ChatSessionsController.class)
                    .doesNotHaveBean(ChatSocketHandler.class).doesNotHaveBean(ChatConnections.class)
                    .doesNotHaveBean(ChatSocketMetrics.class).doesNotHaveBean(ChatSocketsHealthIndicator.class);
        });
    }

    @Test
    void theLibraryRegistersNoFlywayAndNoDslContextOfItsOwn() {
        plain(database).withPropertyValues("chat.schema.migrate=false").run(context -> {
            assertThat(context).doesNotHaveBean(Flyway.class);
            // The one DSLContext is Boot's, which backs off for a host's own.
            assertThat(context.getBeansOfType(DSLContext.class)).containsOnlyKeys("dslContext");
        });
    }

    @Test
    void theHostsOwnDslContextIsTheOneTheChatUses() {
        plain(database).withPropertyValues("chat.schema.migrate=false")
                .withUserConfiguration(HostDslContext.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(DSLContext.class);
                    assertThat(context.getBean(DSLContext.class)).isSameAs(context.getBean("hostDsl"));
                    assertThat(context).getBean(MessageRepository.class).isInstanceOf(JooqMessageRepository.class);
                });
    }

    @Test
    void everyPortTheHostImplementsMakesTheChatsOwnBackOff() {
        plain(database).withPropertyValues("chat.schema.migrate=false")
                .withUserConfiguration(HostPorts.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (Class<?> port : List.of(TicketDirectory.class, TicketAccessPolicy.class, ChatEventPublisher.class,
                            SendRateLimiter.class, MessageRepository.class, ChatSessionRepository.class,
                            ChatParticipantRepository.class, ChatPersistenceSettings.class, SendRateLimitSettings.class,
                            ChatRestSettings.class, ChatWebSocketSettings.class)) {
                        assertThat(context).as(port.getSimpleName()).hasSingleBean(port);
                        assertThat(context.getBeanNamesForType(port)).as(port.getSimpleName())
                                .allMatch(name -> name.startsWith("host"));
                    }
                    assertThat(context.getBean("chatClock")).isSameAs(context.getBean(HostPorts.class).clock);
                    assertThat(context).hasSingleBean(PostMessageUseCase.class);
                });
    }

    @Test
    void chatPropertiesMapOntoTheAdaptersSettings() {
        web(database).withPropertyValues(
                        "chat.tickets.table=helpdesk.support_tickets", "chat.tickets.id-column=ticket_no",
                        "chat.tickets.customer-name-column=requester", "chat.tickets.issue-title-column=subject",
                        "chat.rest.max-body-size=64KB",
                        "chat.websocket.allowed-origins=https://help.example.com,https://admin.example.com",
                        "chat.websocket.max-frame-size=32KB", "chat.websocket.ping-interval=5s",
                        "chat.websocket.idle-timeout=20s", "chat.websocket.send-buffer-size=256KB",
                        "chat.websocket.send-time-limit=3s", "chat.websocket.max-sockets-per-user=3",
                        "chat.rate-limit.messages=5", "chat.rate-limit.window=1m")
                .run(context -> {
                    assertThat(context.getBean(ChatPersistenceSettings.class)).isEqualTo(
                            new ChatPersistenceSettings("helpdesk.support_tickets", "ticket_no", "requester", "subject"));
                    assertThat(context.getBean(ChatRestSettings.class).maxRequestBodyBytes()).isEqualTo(64 * 1024);
                    ChatWebSocketSettings socket = context.getBean(ChatWebSocketSettings.class);
                    assertThat(socket.allowedOrigins()).containsExactly("https://help.example.com", "https://admin.example.com");
                    assertThat(socket.maxTextMessageSize()).isEqualTo(32 * 1024);
                    assertThat(socket.pingInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(socket.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(socket.sendBufferLimitBytes()).isEqualTo(256 * 1024);
                    assertThat(socket.sendTimeLimit()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(socket.maxSocketsPerPrincipal()).isEqualTo(3);
                    SendRateLimitSettings limit = context.getBean(SendRateLimitSettings.class);
                    assertThat(limit.messages()).isEqualTo(5);
                    assertThat(limit.window()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    @Test
    void webAllowedOriginsTurnOnCorsAheadOfSpringSecurityAndOpenTheSocketTooWithTheDeprecatedListAdded() {
        web(database).withPropertyValues("chat.web.allowed-origins=https://help.example.com",
                        "chat.websocket.allowed-origins=https://legacy.example.com")
                .run(context -> {
                    FilterRegistrationBean<?> cors = context.getBean("chatCorsFilter", FilterRegistrationBean.class);
                    assertThat(cors.isEnabled()).isTrue();
                    assertThat(cors.getOrder()).isLessThan(org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties.DEFAULT_FILTER_ORDER);
                    assertThat(context.getBean(ChatWebSocketSettings.class).allowedOrigins())
                            .containsExactly("https://help.example.com", "https://legacy.example.com");
                });
        web(database).run(context ->
                assertThat(context.getBean("chatCorsFilter", FilterRegistrationBean.class).isEnabled()).isFalse());
    }

    @Test
    void withoutPropertiesTheAdaptersGetTheirDocumentedDefaults() {
        web(database).run(context -> {
            assertThat(context.getBean(ChatPersistenceSettings.class)).isEqualTo(ChatPersistenceSettings.defaults());
            assertThat(context.getBean(ChatRestSettings.class)).isEqualTo(ChatRestSettings.defaults());
            assertThat(context.getBean(ChatWebSocketSettings.class)).isEqualTo(ChatWebSocketSettings.defaults());
            assertThat(context.getBean(SendRateLimitSettings.class)).isEqualTo(SendRateLimitSettings.DEFAULTS);
        });
    }

    @Test
    void aServletWebApplicationAlsoGetsTheRestApiTheSocketAndTheirObservability() {
        web(database).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ChatMessagesController.class).hasSingleBean(ChatSessionsController.class)
                    .hasSingleBean(ChatSocketHandler.class).hasSingleBean(ChatConnections.class)
                    .hasSingleBean(TicketRooms.class).hasSingleBean(ChatSocketMetrics.class)
                    .hasSingleBean(ChatSocketsHealthIndicator.class);
            assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
        });
    }

    @Test
    void embeddingNeedsNoSpringSecurityOnTheClasspath() {
        web(database).withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ChatSocketHandler.class).hasSingleBean(ChatMessagesController.class);
        });
    }

    @Test
    void migrationsCreateTheChatTablesWithTheirOwnHistoryAndLeaveTheHostsTablesAlone() {
        try (ChatTestDatabase hostDb = ChatTestServer.shared().createEmptyDatabase()) {
            new JdbcTemplate(hostDb.dataSource()).execute(
                    "CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");
            plain(hostDb).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(ChatSchemaMigration.class);
                assertThat(tables(hostDb)).contains("chat_messages", "chat_sessions", "chat_participants", "chat_schema_history")
                        .doesNotContain("users", "chat_standalone_schema_history", "flyway_schema_history");
            });
        }
    }

    @Test
    void standaloneTablesAreCreatedOnlyWhenAskedFor() {
        try (ChatTestDatabase empty = ChatTestServer.shared().createEmptyDatabase()) {
            plain(empty).withPropertyValues("chat.schema.standalone-tables=true").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(tables(empty)).contains("tickets", "users", "chat_standalone_schema_history", "chat_messages");
            });
        }
    }

    @Test
    void migrateFalseSkipsTheMigrations() {
        try (ChatTestDatabase empty = ChatTestServer.shared().createEmptyDatabase()) {
            plain(empty).withPropertyValues("chat.schema.migrate=false").run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(ChatSchemaMigration.class);
                assertThat(tables(empty)).isEmpty();
            });
        }
    }

    @Test
    void theAutoConfigurationsAreRegisteredOnePerConcern() throws Exception {
        List<String> registered;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            registered = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        assertThat(registered).containsExactlyInAnyOrderElementsOf(CHAT_AUTO_CONFIGURATIONS.stream().map(Class::getName).toList());
        for (Class<?> autoConfiguration : CHAT_AUTO_CONFIGURATIONS) {
            assertThat(autoConfiguration).hasAnnotation(AutoConfiguration.class);
        }
    }

    /** The configurations the chat's auto-configurations declare beans in, the adapters' own included. */
    private static final List<Class<?>> CONFIGURATIONS_WITH_CHAT_BEANS = List.of(ChatCoreAutoConfiguration.class,
            ChatUseCaseConfiguration.class, ChatPersistenceAutoConfiguration.class,
            nested(ChatPersistenceAutoConfiguration.class, "Settings"), nested(ChatRateLimitAutoConfiguration.class, "Settings"),
            nested(ChatRestAutoConfiguration.class, "Settings"), nested(ChatWebSocketAutoConfiguration.class, "Settings"),
            ChatObservabilityAutoConfiguration.class, nested(ChatObservabilityAutoConfiguration.class, "SocketObservability"),
            nested(ChatObservabilityAutoConfiguration.class, "SocketHealth"));

    @Test
    void everyBeanTheBootstrapDeclaresIsConditionalOnMissingBean() {
        for (Class<?> configuration : CONFIGURATIONS_WITH_CHAT_BEANS) {
            for (Method method : configuration.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Bean.class)) {
                    assertThat(method.isAnnotationPresent(ConditionalOnMissingBean.class))
                            .as(configuration.getSimpleName() + "." + method.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void theUseCasesAndTheTypingExpiryBackOffForTheHostsOwn() {
        plain(database).withPropertyValues("chat.schema.migrate=false")
                .withUserConfiguration(HostUseCases.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (Class<?> useCase : HostUseCases.USE_CASES) {
                        assertThat(context.getBeanNamesForType(useCase)).as(useCase.getSimpleName()).containsExactly("host" + useCase.getSimpleName());
                    }
                    assertThat(context.getBeanNamesForType(TypingExpiry.class)).containsExactly("hostTypingExpiry");
                });
    }

    @Test
    void theRestApiCanBeSwitchedOffAndTheSocketStays() {
        web(database).withPropertyValues("chat.rest.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ChatMessagesController.class).doesNotHaveBean(ChatSessionsController.class)
                    .doesNotHaveBean(ChatRestSettings.class);
            assertThat(context).hasSingleBean(ChatSocketHandler.class).hasSingleBean(PostMessageUseCase.class);
        });
    }

    @Test
    void theSocketCanBeSwitchedOffWithItsMetersAndHealthAndTheRestApiStays() {
        web(database).withPropertyValues("chat.websocket.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ChatSocketHandler.class).doesNotHaveBean(ChatConnections.class)
                    .doesNotHaveBean(TicketRooms.class).doesNotHaveBean(ChatWebSocketSettings.class)
                    .doesNotHaveBean(ChatSocketMetrics.class).doesNotHaveBean(ChatSocketsHealthIndicator.class);
            assertThat(context).hasSingleBean(ChatMessagesController.class).hasSingleBean(ChatMessageMetrics.class);
        });
    }

    @Test
    void aHostWithoutTheSocketModuleStarts() {
        web(database).withClassLoader(new FilteredClassLoader("io.ticketchat.web.socket")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("chatSocketHandler").doesNotHaveBean("chatConnections")
                    .doesNotHaveBean(ChatSocketMetrics.class).doesNotHaveBean("chatSocketsHealthIndicator");
            assertThat(context).hasSingleBean(ChatMessagesController.class);
        });
    }

    @Test
    void aHostWithoutTheRestModuleStarts() {
        web(database).withClassLoader(new FilteredClassLoader("io.ticketchat.web.rest")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("chatMessagesController").doesNotHaveBean("chatRestSettings");
            assertThat(context).hasSingleBean(ChatSocketHandler.class);
        });
    }

    @Test
    void theRateLimitCanBeSwitchedOffAndSendsAreUnlimited() {
        plain(database).withPropertyValues("chat.schema.migrate=false", "chat.rate-limit.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SendRateLimiter.class)).isSameAs(SendRateLimiter.UNLIMITED);
            assertThat(context).doesNotHaveBean(SendRateLimitSettings.class).doesNotHaveBean(Bucket4jSendRateLimiter.class);
        });
    }

    @Test
    void thePersistenceCanBeSwitchedOffForAHostThatBringsEveryRepository() {
        plain(database).withPropertyValues("chat.persistence.enabled=false")
                .withUserConfiguration(HostPorts.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ChatSchemaMigration.class).doesNotHaveBean(JooqMessageRepository.class)
                            .doesNotHaveBean(JooqTicketDirectory.class);
                    assertThat(context).hasSingleBean(PostMessageUseCase.class);
                });
    }

    private static Class<?> nested(Class<?> outer, String simpleName) {
        for (Class<?> member : outer.getDeclaredClasses()) {
            if (member.getSimpleName().equals(simpleName)) {
                return member;
            }
        }
        throw new AssertionError(outer.getSimpleName() + " has no nested " + simpleName);
    }

    private static List<String> tables(ChatTestDatabase db) {
        return new JdbcTemplate(db.dataSource()).queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", String.class, db.databaseName());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** A host that implements every use case itself (here: mocks) and runs its own typing expiry. */
    @Configuration(proxyBeanMethods = false)
    static class HostUseCases {

        static final List<Class<?>> USE_CASES = List.of(ListMessagesUseCase.class, PostMessageUseCase.class,
                MarkMessagesReadUseCase.class, CountUnreadMessagesUseCase.class, OpenChatSessionUseCase.class,
                ChangeChatSessionStatusUseCase.class, StartTypingUseCase.class, StopTypingUseCase.class,
                UpdateSessionTypingUseCase.class, ExpireTypingUseCase.class, JoinTicketRoomUseCase.class,
                LeaveTicketRoomUseCase.class, CheckTicketAccessUseCase.class);

        @Bean
        ListMessagesUseCase hostListMessagesUseCase() {
            return Mockito.mock(ListMessagesUseCase.class);
        }

        @Bean
        PostMessageUseCase hostPostMessageUseCase() {
            return Mockito.mock(PostMessageUseCase.class);
        }

        @Bean
        MarkMessagesReadUseCase hostMarkMessagesReadUseCase() {
            return Mockito.mock(MarkMessagesReadUseCase.class);
        }

        @Bean
        CountUnreadMessagesUseCase hostCountUnreadMessagesUseCase() {
            return Mockito.mock(CountUnreadMessagesUseCase.class);
        }

        @Bean
        OpenChatSessionUseCase hostOpenChatSessionUseCase() {
            return Mockito.mock(OpenChatSessionUseCase.class);
        }

        @Bean
        ChangeChatSessionStatusUseCase hostChangeChatSessionStatusUseCase() {
            return Mockito.mock(ChangeChatSessionStatusUseCase.class);
        }

        @Bean
        StartTypingUseCase hostStartTypingUseCase() {
            return Mockito.mock(StartTypingUseCase.class);
        }

        @Bean
        StopTypingUseCase hostStopTypingUseCase() {
            return Mockito.mock(StopTypingUseCase.class);
        }

        @Bean
        UpdateSessionTypingUseCase hostUpdateSessionTypingUseCase() {
            return Mockito.mock(UpdateSessionTypingUseCase.class);
        }

        @Bean
        ExpireTypingUseCase hostExpireTypingUseCase() {
            return Mockito.mock(ExpireTypingUseCase.class);
        }

        @Bean
        JoinTicketRoomUseCase hostJoinTicketRoomUseCase() {
            return Mockito.mock(JoinTicketRoomUseCase.class);
        }

        @Bean
        LeaveTicketRoomUseCase hostLeaveTicketRoomUseCase() {
            return Mockito.mock(LeaveTicketRoomUseCase.class);
        }

        @Bean
        CheckTicketAccessUseCase hostCheckTicketAccessUseCase() {
            return Mockito.mock(CheckTicketAccessUseCase.class);
        }

        @Bean
        TypingExpiry hostTypingExpiry() {
            return new TypingExpiry(Mockito.mock(ExpireTypingUseCase.class), Duration.ofMinutes(1));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostDslContext {

        @Bean
        DSLContext hostDsl(DataSource dataSource) {
            return DSL.using(dataSource, database.dialect());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostPorts {

        final Clock clock = Clock.fixed(Instant.parse("2024-01-15T10:30:00Z"), ZoneOffset.UTC);

        @Bean
        TicketDirectory hostTicketDirectory() {
            return new InMemoryTicketDirectory();
        }

        @Bean
        TicketAccessPolicy hostTicketAccessPolicy() {
            return (Caller caller, io.ticketchat.domain.TicketId ticket) -> true;
        }

        @Bean
        ChatEventPublisher hostChatEventPublisher() {
            return new RecordingChatEventPublisher();
        }

        @Bean
        SendRateLimiter hostSendRateLimiter() {
            return SendRateLimiter.UNLIMITED;
        }

        @Bean
        MessageRepository hostMessageRepository() {
            return new InMemoryMessageRepository();
        }

        @Bean
        ChatSessionRepository hostChatSessionRepository() {
            return new InMemoryChatSessionRepository();
        }

        @Bean
        ChatParticipantRepository hostChatParticipantRepository() {
            return new InMemoryChatParticipantRepository();
        }

        @Bean
        ChatPersistenceSettings hostPersistenceSettings() {
            return new ChatPersistenceSettings("helpdesk_tickets", "id", "customer", "title");
        }

        @Bean
        SendRateLimitSettings hostRateLimitSettings() {
            return new SendRateLimitSettings(1, Duration.ofSeconds(1), 10);
        }

        @Bean
        ChatRestSettings hostRestSettings() {
            return ChatRestSettings.defaults().withMaxRequestBodyBytes(1024);
        }

        @Bean
        ChatWebSocketSettings hostWebSocketSettings() {
            return ChatWebSocketSettings.defaults().withLimits(1, 1, 1);
        }

        @Bean
        Clock chatClock() {
            return clock;
        }
    }
}
