package io.ticketchat.bootstrap.standalone;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives the standalone service a database when none is configured: starts the embedded MariaDB before
 * any bean needs a connection, points the DataSource at it and switches demo mode on. With
 * {@code spring.datasource.url} set (e.g. SPRING_DATASOURCE_URL) it does nothing at all.
 */
class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "chatEmbeddedMariaDb";

    private static String randomSecret() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        // Bound before any bean exists, with the defaults EmbeddedDatabaseProperties declares.
        EmbeddedDatabaseProperties settings = Binder.get(environment)
                .bind(EmbeddedDatabaseProperties.PREFIX, EmbeddedDatabaseProperties.class)
                .orElseGet(EmbeddedDatabaseProperties::new);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(settings.getDataDir(), settings.getPort(), settings.getDatabase());
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                "chat.demo.enabled", environment.getProperty("chat.demo.enabled", "true")));
        if (!StringUtils.hasText(environment.getProperty("chat.security.jwt.secret"))) {
            // A development database gets a throw-away signing key: demo tokens die with the process.
            properties.put("chat.security.jwt.secret", randomSecret());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("chatEmbeddedDatabase", properties));
        // Registered first, so destroyed last: after the connection pool and the graceful shutdown.
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, db);
        beans.registerDisposableBean(BEAN_NAME, db::close);
    }
}
