package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.application.testing.InMemoryMessageRepository;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPersistenceConfigurationTest {

    private final DSLContext hostDsl = DSL.using(SQLDialect.MARIADB);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(DSLContext.class, () -> hostDsl)
            .withUserConfiguration(ChatPersistenceConfiguration.class);

    @Test
    void definesTheRepositoriesOnTheHostsDslContextAndNothingOfItsOwnBesides() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MessageRepository.class).getBean(MessageRepository.class).isInstanceOf(JooqMessageRepository.class);
            assertThat(context).hasSingleBean(ChatSessionRepository.class).hasSingleBean(ChatParticipantRepository.class)
                    .hasSingleBean(TicketDirectory.class).hasSingleBean(ChatPersistenceSettings.class);
            assertThat(context.getBean(DSLContext.class)).isSameAs(hostDsl);
            assertThat(context.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
        });
    }

    @Test
    void hostBeansReplaceTheAdapters() {
        InMemoryMessageRepository hostMessages = new InMemoryMessageRepository();
        runner.withBean(MessageRepository.class, () -> hostMessages)
                .withBean(ChatPersistenceSettings.class, () -> new ChatPersistenceSettings("helpdesk.cases", "case_id", "customer", "subject"))
                .run(context -> {
                    assertThat(context.getBean(MessageRepository.class)).isSameAs(hostMessages);
                    assertThat(context.getBean(ChatPersistenceSettings.class).ticketTable()).isEqualTo("helpdesk.cases");
                });
    }

    @Test
    void refusesADslContextOfAnotherDatabase() {
        new ApplicationContextRunner()
                .withBean(DSLContext.class, () -> DSL.using(SQLDialect.POSTGRES))
                .withUserConfiguration(ChatPersistenceConfiguration.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("needs a MySQL or MariaDB DSLContext"));
    }
}
