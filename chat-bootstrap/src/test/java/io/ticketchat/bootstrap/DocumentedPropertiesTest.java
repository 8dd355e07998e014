package io.ticketchat.bootstrap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated {@code chat.*} metadata is complete and every property is in docs/configuration.md. */
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
}
