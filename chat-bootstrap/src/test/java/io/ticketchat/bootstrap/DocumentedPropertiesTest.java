package io.ticketchat.bootstrap;

import io.ticketchat.bootstrap.standalone.DemoProperties;
import io.ticketchat.bootstrap.standalone.EmbeddedDatabaseProperties;
import io.ticketchat.bootstrap.standalone.JwtProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated {@code chat.*} metadata is complete, every property is in docs/configuration.md and in the
 * README's table, and the default both tables state is the one {@link ChatProperties} (or, for the standalone service's own
 * settings, its properties class) has.
 */
class DocumentedPropertiesTest {

    @Test
    void everyChatPropertyHasGeneratedMetadataWithADescriptionAndIsDocumented() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-boot-configuration-processor output").isNotNull();
            metadata = JsonMapper.shared().readTree(in);
        }
        List<JsonNode> properties = metadata.path("properties").valueStream()
                .filter(p -> p.path("name").asString().startsWith("chat.")).toList();
        String documentation = Files.readString(Path.of("..", "docs", "configuration.md"));

        assertThat(properties).hasSizeGreaterThanOrEqualTo(25);
        for (JsonNode property : properties) {
            String name = property.path("name").asString();
            assertThat(property.path("description").asString("")).as(name).isNotBlank();
            assertThat(documentation).as(name).contains("| `" + name + "` |");
        }
    }

    @Test
    void everyDocumentedDefaultIsTheDefaultOfChatProperties() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.shared().readTree(in);
        }
        List<String> names = metadata.path("properties").valueStream().map(p -> p.path("name").asString())
                .filter(name -> name.startsWith("chat.")).toList();
        for (Path page : List.of(Path.of("..", "docs", "configuration.md"), Path.of("..", "README.md"))) {
            String documentation = Files.readString(page);
            for (String name : names) {
                Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(name) + "` \\| ([^|]+) \\|").matcher(documentation);
                assertThat(row.find()).as(page + " documents " + name).isTrue();
                assertThat(row.group(1).trim()).as(page + ": default of " + name).isEqualTo(documented(defaultOf(name)));
            }
        }
    }

    /** The standalone service's settings have classes of their own; a host's are all in ChatProperties. */
    private static Object defaultOf(String name) throws Exception {
        for (Map.Entry<String, Object> standalone : Map.<String, Object>of(
                "chat.security.jwt.", new JwtProperties(),
                "chat.embedded-database.", new EmbeddedDatabaseProperties(),
                "chat.demo.", new DemoProperties()).entrySet()) {
            if (name.startsWith(standalone.getKey())) {
                return valueOf(standalone.getValue(), name.substring(standalone.getKey().length()));
            }
        }
        return valueOf(new ChatProperties(), name.substring("chat.".length()));
    }

    /** Walks the getters: group-commit.send-timeout is getGroupCommit().getSendTimeout(). */
    private static Object valueOf(Object properties, String name) throws Exception {
        Object value = properties;
        for (String part : name.split("\\.")) {
            StringBuilder property = new StringBuilder();
            for (String word : part.split("-")) {
                property.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            Class<?> type = value.getClass();
            java.lang.reflect.Method getter;
            try {
                getter = type.getMethod("get" + property);
            } catch (NoSuchMethodException e) {
                getter = type.getMethod("is" + property);
            }
            value = getter.invoke(value);
        }
        return value;
    }

    /** The way the tables write a default. */
    private static String documented(Object value) {
        return switch (value) {
            case null -> "*(none)*";
            case Collection<?> list when list.isEmpty() -> "*(empty)*";
            case Duration duration when duration.toMillis() % 1000 != 0 -> "`" + duration.toMillis() + "ms`";
            case Duration duration -> "`" + duration.toSeconds() + "s`";
            case DataSize size when size.toBytes() % (1024 * 1024) == 0 -> "`" + size.toMegabytes() + "MB`";
            case DataSize size -> "`" + size.toKilobytes() + "KB`";
            default -> "`" + value + "`";
        };
    }
}
