package io.ticketchat.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRulesTest {

    /** Issue 15 item 7 and issue 27 item 4: each was stored and shown as an empty bubble. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u2060", "\u202E", "\uFEFF", " \u00A0 ", "\u200E\u200F", "\u2066\u2069",
            "\u00AD", "\u180E", "\u061C", "\u034F", "\u3164", "\u115F\u1160", "\uFFA0", "\uFE0F", "\uDB40\uDD00",
            "\uDB40\uDC20\uDB40\uDC7F", "\u2800", "\u2028\u2029", "\u3000\u2007\u202F", "\uD834\uDD73", "\t\r\n \u200D\u200C"})
    void textOfOnlyInvisibleCharactersIsEmpty(String invisible) {
        assertThat(TextRules.isBlank(invisible)).isTrue();
        assertThatThrownBy(() -> MessageText.of(invisible)).isInstanceOfSatisfying(DomainValidationException.class,
                e -> assertThat(e.reason()).startsWith("must not be blank"));
        assertThatThrownBy(() -> DisplayName.of(invisible)).isInstanceOfSatisfying(DomainValidationException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Egnp.exe", "\u200F\u05E9\u05DC\u05D5\u05DD", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\u2764\uFE0F", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", "\uE000",
            "\uD83E\uDEE9", "a\tb\r\nc", "\u0301", "\u00A0x\u00A0", "\u28FF"})
    void textWithSomethingVisibleIsKeptExactlyAsSent(String text) {
        assertThat(MessageText.of(text).value()).isEqualTo(text);
        assertThat(DisplayName.of(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0001b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u009Bb", "a\u000Bb", "a\u000Cb"})
    void controlCharactersOtherThanTabAndLineBreaksAreRefused(String text) {
        assertThatThrownBy(() -> MessageText.of(text)).isInstanceOfSatisfying(DomainValidationException.class,
                e -> assertThat(e.reason()).startsWith("must not contain control characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uFFFE", "a\uFFFF", "a\uFDD0", "a\uFDEF", "a\uD83F\uDFFF", "a\uDBFF\uDFFE"})
    void noncharactersAreRefused(String text) {
        assertThatThrownBy(() -> MessageText.of(text)).hasMessageContaining("noncharacters");
    }

    @Test
    void everyFormatAndWhiteSpaceCodePointIsInvisibleAndNoLetterOrDigitIs() {
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(cp -> !Character.isSurrogate((char) cp) || cp > 0xFFFF)
                .forEach(cp -> {
                    int type = Character.getType(cp);
                    if (type == Character.FORMAT || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                        assertThat(TextRules.isInvisible(cp)).as("U+%04X", cp).isTrue();
                    }
                    if (Character.isLetterOrDigit(cp) && cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0) {
                        assertThat(TextRules.isInvisible(cp)).as("U+%04X", cp).isFalse();
                    }
                    if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_SYMBOL) {
                        assertThat(TextRules.isRefused(cp)).as("U+%04X", cp).isFalse();
                    }
                });
    }

    @Test
    void storedTextIsReadBackEvenIfTodaysRulesWouldRefuseIt() {
        assertThat(MessageText.stored("\u200B").value()).isEqualTo("\u200B");
        assertThat(DisplayName.stored("\u2800").value()).isEqualTo("\u2800");
        assertThatThrownBy(() -> MessageText.stored("a\0")).hasMessageContaining("NUL");
    }
}
