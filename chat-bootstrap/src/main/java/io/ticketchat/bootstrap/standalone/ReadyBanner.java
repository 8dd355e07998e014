package io.ticketchat.bootstrap.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** Says, once the service is ready, where to point a browser. */
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        if (environment.getProperty("chat.demo.enabled", Boolean.class, false)) {
            log.info("Ticket Chat is ready (demo mode): open {}/demo/ in a browser; API at {}/api/chat, docs at {}/swagger-ui.html",
                    base, base, base);
        } else {
            log.info("Ticket Chat is ready: API at {}/api/chat, WebSocket at ws://localhost:{}/ws/chat, docs at {}/swagger-ui.html",
                    base, port, base);
        }
    }
}
