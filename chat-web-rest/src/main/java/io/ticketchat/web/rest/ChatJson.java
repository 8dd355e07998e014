package io.ticketchat.web.rest;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The adapter's own JSON mapper. It is deliberately not the host's: the wire format (snake_case
 * message rows, millisecond time stamps) must not change when a host customises its mapper, and the
 * read limits that protect this API must not be forced onto the host's other endpoints.
 */
final class ChatJson {

    private ChatJson() {
    }

    static JsonMapper mapper(ChatRestSettings settings) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(settings.maxJsonNestingDepth())
                .maxNumberLength(settings.maxJsonNumberLength())
                .maxStringLength(settings.maxJsonStringLength())
                .maxNameLength(256)
                .maxDocumentLength(settings.maxRequestBodyBytes())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                // Two "senderId" keys must not let one value pass the identity check and another be used.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // A number or boolean where text belongs is a client bug worth reporting, not converting.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
