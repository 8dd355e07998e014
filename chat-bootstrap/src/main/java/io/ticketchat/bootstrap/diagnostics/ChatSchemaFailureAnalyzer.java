package io.ticketchat.bootstrap.diagnostics;

import io.ticketchat.persistence.jooq.ChatSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The chat's schema cannot be created here (a host key it cannot reference, a half-run migration that
 * holds data): Boot's failure report shows the one line that says which table and column and what to
 * do, instead of the stack of the bean that ran the migration.
 */
class ChatSchemaFailureAnalyzer extends AbstractFailureAnalyzer<ChatSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChatSchemaException cause) {
        return new FailureAnalysis("Ticket Chat: " + cause.problem(), cause.fix(), cause);
    }
}
