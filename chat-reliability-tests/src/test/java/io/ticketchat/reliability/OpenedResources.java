package io.ticketchat.reliability;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test opened (databases, service processes), closed after the test, the last opened first, so
 * that a service stops before its database goes away. Register it with {@code @RegisterExtension}.
 */
final class OpenedResources implements AfterEachCallback {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** @return the resource, now closed after the test */
    <T extends AutoCloseable> T add(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (AutoCloseable resource : opened.reversed()) {
                resource.close();
            }
        } finally {
            opened.clear();
        }
    }
}
