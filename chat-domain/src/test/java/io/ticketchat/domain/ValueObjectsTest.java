package io.ticketchat.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void messageTextIsKeptExactlyAsSent() {
        assertThat(MessageText.of("  hello  ").value()).isEqualTo("  hello  ");
        assertThat(MessageText.of("<script>alert(1)</script>").value()).isEqualTo("<script>alert(1)</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "\u3000"})
    void blankMessagesAreRefused(String blank) {
        assertThatThrownBy(() -> MessageText.of(blank))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("message"))
                .hasMessageContaining("blank");
    }

    @Test
    void messageLengthCountsCodePointsAfterTrimming() {
        String longestEmoji = "😀".repeat(MessageText.MAX_CODE_POINTS);
        assertThat(MessageText.of("  " + longestEmoji + "  ").value()).hasSize(2 * MessageText.MAX_CODE_POINTS + 4);
        assertThatThrownBy(() -> MessageText.of(longestEmoji + "x"))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("at most 10000");
    }

    @Test
    void nulAndLoneSurrogatesAreRefused() {
        assertThatThrownBy(() -> MessageText.of("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> MessageText.of("broken \uD83D here")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> MessageText.of("\uDE00 reversed")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> MessageText.of("ends high \uD83D")).hasMessageContaining("surrogate");
    }

    @Test
    void rightToLeftOverridesAreTextLikeAnyOther() {
        assertThat(MessageText.of("\u202Egnp.exe").value()).isEqualTo("\u202Egnp.exe");
    }

    @Test
    void displayNamesHoldOneToOneHundredCodePoints() {
        assertThat(DisplayName.of("Agent Smith").value()).isEqualTo("Agent Smith");
        assertThat(DisplayName.of("😀".repeat(100)).value()).hasSize(200);
        assertThatThrownBy(() -> DisplayName.of("😀".repeat(101))).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> DisplayName.of("  ")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> DisplayName.of(null)).hasMessageContaining("required");
    }

    @Test
    void clientMessageIdsArePrintableAsciiOfOneToSixtyFourCharacters() {
        assertThat(ClientMessageId.of("3f2c-7a").value()).isEqualTo("3f2c-7a");
        assertThat(ClientMessageId.of("x".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> ClientMessageId.of("x".repeat(65))).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> ClientMessageId.of("")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> ClientMessageId.of("has space")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> ClientMessageId.of("é")).isInstanceOf(DomainValidationException.class);
    }

    @Test
    void idsArePositiveAndTicketAndUserIdsFitTheGuidesIntColumns() {
        assertThat(TicketId.of(1).value()).isEqualTo(1);
        assertThatThrownBy(() -> TicketId.of(0)).isInstanceOfSatisfying(DomainValidationException.class,
                e -> assertThat(e.field()).isEqualTo("ticketId"));
        assertThatThrownBy(() -> TicketId.of(-5)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> TicketId.of(Integer.MAX_VALUE + 1L)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> UserId.of(0)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> MessageId.of(0)).isInstanceOf(DomainValidationException.class);
        assertThat(MessageId.of(5).isAfter(MessageId.of(4))).isTrue();
    }

    @Test
    void sessionIdsFollowTheGuidesFormat() {
        assertThat(SessionId.forTicket(TicketId.of(1), java.time.Instant.ofEpochMilli(1234567890)).value())
                .isEqualTo("session_1_1234567890");
        assertThatThrownBy(() -> SessionId.of("x".repeat(101))).isInstanceOf(DomainValidationException.class);
    }

    @Test
    void validationErrorsNameTheirFieldAndReason() {
        DomainValidationException e = new DomainValidationException("limit", "must be between 1 and 500");
        assertThat(e.field()).isEqualTo("limit");
        assertThat(e.reason()).isEqualTo("must be between 1 and 500");
    }
}
