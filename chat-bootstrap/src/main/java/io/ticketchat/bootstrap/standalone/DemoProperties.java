package io.ticketchat.bootstrap.standalone;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The standalone service's demo: seeded tickets and people, and development tokens for them. */
@ConfigurationProperties("chat.demo")
public class DemoProperties {

    /**
     * Seed demo tickets and people and serve development tokens for them. Switched on by the
     * standalone launcher when it runs the embedded database; never by a request.
     */
    private boolean enabled = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
