package io.ticketchat.web.socket;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.socket.TextMessage;

/**
 * The socket's own JSON: strict on the way in (no duplicate keys, no trailing garbage, shallow
 * nesting, short numbers), plain on the way out. Deliberately not the host's {@code JsonMapper}, whose
 * settings the wire format must not depend on.
 */
final class EventJson {

    private static final int MAX_NESTING_DEPTH = 16;
    private static final int MAX_NUMBER_LENGTH = 32;

    private final JsonMapper mapper;

    EventJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    ClientFrame read(String text) {
        try {
            return new ClientFrame(mapper.readTree(text));
        } catch (JacksonException malformed) {
            throw new InvalidFrameException(null, "the frame is not valid JSON or breaks the JSON limits");
        }
    }

    TextMessage write(ServerEvent event) {
        return new TextMessage(mapper.writeValueAsString(event));
    }
}
