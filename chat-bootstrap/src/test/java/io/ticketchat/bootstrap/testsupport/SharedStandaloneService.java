package io.ticketchat.bootstrap.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every end-to-end test class the same running {@link StandaloneService}: started on first use,
 * closed when the test run ends. One service for all of them keeps the suite fast; tests stay apart by
 * working on tickets of their own.
 */
public final class SharedStandaloneService implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStandaloneService.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StandaloneService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StandaloneService.class, key -> StandaloneService.start(), StandaloneService.class);
    }
}
