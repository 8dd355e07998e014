package io.ticketchat.persistence.jooq.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a {@link ChatTestDatabase} shared by the whole test run of this JVM: migrated once,
 * dropped when the run ends. Tests keep out of each other's way by working on tickets of their own
 * ({@link ChatTestDatabase#newTicket()}).
 */
public final class ChatDatabaseExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChatDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChatTestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store outlives every test class and closes (drops) the database at the end.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(ChatTestDatabase.class, key -> ChatTestServer.shared().createDatabase(), ChatTestDatabase.class);
    }
}
