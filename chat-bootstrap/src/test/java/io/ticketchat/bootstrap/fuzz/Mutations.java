package io.ticketchat.bootstrap.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The hostile client's repertoire, drawn from one seeded random source so that a seed replays a campaign. */
final class Mutations {

    /** Texts a message or a name may carry: valid, unusual, invisible-only, refused. */
    static final List<Object> TEXTS = List.of(
            "hello", "  padded  ", "emoji \uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u0645\u0631\u062D\u0628\u0627",
            "\u202Egnp.exe", "\u200F\u05E9\u05DC\u05D5\u05DD", "<script>alert(1)</script>", "SELECT * FROM chat_messages; --",
            "line one\nline two\ttabbed", "\u200B", "\u2060", "\u202E", "\u00A0 \u00A0", "\uFEFF", "\u3164", "\u2800", "\uFE0F",
            "\u200B\u200C\u200D\u2060\uFEFF", " \t\r\n ", "", "a\u0000b", "\u0000", "a\u0007b", "\u001B[31mred", "a\u007Fb",
            "\u0085", "\uFFFE", "a\uFDD0", "\uDB40\uDC20\uDB40\uDC7F", new Json.Raw("\"a\\ud800b\""), new Json.Raw("\"\\udc00\""),
            new Json.Raw("\"\\u0000\""), new Json.Raw("\"\\u200b\\u2060\""), "\uD83D\uDE00".repeat(10_000), "x".repeat(10_001));

    static final List<String> PATH_TRICKS = List.of("0", "-1", "abc", "1.5", "2147483648", "99999999999999999999", "%00", "..%2f1",
            "%c0%ae", "%ff", "%0a", "1;x=1", "1%3Bx", "%2e%2e", "%2e", "1%20", "[1]", "%5B1%5D", "\\1", "<1>", "1/", "%252e",
            "%d9%a1%d9%a2", "%e2%80%ae1", "", "1%00", "%20", "+1", "0x10", "1e3", "%u0031", "{1}", "1|2", "^", "`", "\"1\"", "..", ".");

    static final List<String> QUERY_VALUES = List.of("1", "50", "500", "501", "0", "-1", "abc", "%ff", "[1]", "1e3", "%00", "",
            "99999999999999999999", "%c0%ae", "1%0a", "{}", "%5B%5D", "1.5", "2147483648");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/*", "*/*", "application/json; charset=latin1",
            "application/json; charset=foo", "multipart/form-data; boundary=x", "application/xml", "",
            "application/x-www-form-urlencoded", "application/json;;", "json", "application/vnd.api+json", "application/json; charset=utf-16");

    private final SplittableRandom random;

    Mutations(SplittableRandom random) {
        this.random = random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int lowInclusive, int highExclusive) {
        return random.nextInt(lowInclusive, highExclusive);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    Object text() {
        return chance(0.4) ? "fuzz " + random.nextInt(1_000_000) : pick(TEXTS);
    }

    /** A value of some JSON type, for a field that expects another one. */
    Object anyValue() {
        return switch (random.nextInt(12)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> -random.nextInt(1000);
            case 3 -> random.nextDouble();
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> List.of(1, "two");
            case 7 -> Map.of("nested", Map.of("deeper", 1));
            case 8 -> text();
            case 9 -> new Json.Raw("9".repeat(between(20, 3000)));
            case 10 -> new Json.Raw("1e999");
            default -> deep(between(10, 200));
        };
    }

    Json.Raw deep(int depth) {
        boolean arrays = random.nextBoolean();
        return new Json.Raw(arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** Zero to three changes to the fields of a request object: dropped, retyped, added, deepened. */
    Map<String, Object> mutate(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        int changes = chance(0.3) ? 0 : between(1, 4);
        for (int i = 0; i < changes; i++) {
            List<String> keys = new ArrayList<>(out.keySet());
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (!keys.isEmpty()) {
                        out.remove(pick(keys));
                    }
                }
                case 1 -> {
                    if (!keys.isEmpty()) {
                        out.put(pick(keys), anyValue());
                    }
                }
                case 2 -> out.put(pick(List.of("extra", "__proto__", "constructor", "x".repeat(300), "senderId", "userId",
                        "agentName", "customerName", "senderName", "senderType", "userType")), anyValue());
                case 3 -> out.put("message", text());
                default -> out.put("payload", deep(between(30, 120)));
            }
        }
        return out;
    }

    /** Byte-level damage to a serialized body: truncation, bytes that are not UTF-8, trailing data, a different document. */
    byte[] damage(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(9)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> splice(bytes, new byte[] {(byte) 0xC3, 0x28});
            case 2 -> splice(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE});
            case 3 -> splice(bytes, new byte[] {(byte) 0xC0, (byte) 0xAE});
            case 4 -> (json + pick(List.of(" {}", "]", "garbage", ",", "\u0000"))).getBytes(StandardCharsets.UTF_8);
            case 5 -> pick(List.of("", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\":1,\"a\":2}", "{'single':1}"))
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> json.replaceFirst("\"", "'").getBytes(StandardCharsets.UTF_8);
            case 7 -> {
                byte[] noise = new byte[between(1, 200)];
                random.nextBytes(noise);
                yield noise;
            }
            default -> ("{\"ticketId\":1," + "\"k\":".repeat(1) + deep(between(60, 2000)).json() + "}").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Text-level damage that a text frame can still carry (whole code points only). */
    String damageText(String json) {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, json.offsetByCodePoints(0, random.nextInt(json.codePointCount(0, json.length()) + 1)));
            case 1 -> json + pick(List.of(" {}", "]", "garbage", ","));
            case 2 -> pick(List.of("", "null", "[]", "\"PING\"", "42", "{", "hello", "{\"type\":\"PING\",\"type\":\"JOIN_TICKET\"}"));
            case 3 -> json.replaceFirst("\"", "'");
            case 4 -> "{\"type\":\"PING\",\"x\":" + deep(between(10, 5000)).json() + "}";
            default -> "{\"type\":\"JOIN_TICKET\",\"ticketId\":" + "9".repeat(between(19, 3000)) + "}";
        };
    }

    private byte[] splice(byte[] bytes, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }
}
