package org.shoptalk.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.chat.PlatformCall.Effect;
import org.shoptalk.core.chat.RateLimitedException.Scope;

class PlatformCallTest {
    /** RFC 9110's own example instant, so the obsolete date forms can be written out as the RFC does. */
    private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    private static final Clock TWO_MINUTES_BEFORE = Clock.fixed(RFC_EXAMPLE.minusSeconds(120), ZoneOffset.UTC);
    private static final PlatformCall POST = new PlatformCall("Chat post", Effect.WRITE, Scope.CHANNEL);
    private static final PlatformCall LOOKUP = new PlatformCall("Chat lookup", Effect.READ, Scope.WORKSPACE);

    @Test
    void delay_seconds_is_the_wait() {
        assertThat(PlatformCall.retryAfter("30", TWO_MINUTES_BEFORE)).contains(Duration.ofSeconds(30));
        assertThat(PlatformCall.retryAfter(" 0 ", TWO_MINUTES_BEFORE)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"})
    void every_http_date_form_of_rfc_9110_is_the_time_until_that_date(String header) {
        assertThat(PlatformCall.retryAfter(header, TWO_MINUTES_BEFORE)).contains(Duration.ofMinutes(2));
    }

    @Test
    void a_two_digit_year_more_than_fifty_years_ahead_is_read_as_the_past_century() {
        Clock in2026 = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

        // 2094 would be 68 years ahead, so "94" is 1994: long past, no wait.
        assertThat(PlatformCall.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", in2026))
                .contains(Duration.ZERO);
        // 2030 is within 50 years: years ahead (capped), where 1930 would mean no wait.
        assertThat(PlatformCall.retryAfter("Wednesday, 06-Nov-30 08:49:37 GMT", in2026))
                .contains(PlatformCall.LONGEST_RETRY_AFTER);
    }

    @Test
    void a_date_in_the_past_means_no_wait_and_long_waits_are_capped() {
        Clock later = Clock.fixed(RFC_EXAMPLE.plusSeconds(600), ZoneOffset.UTC);

        assertThat(PlatformCall.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", later))
                .contains(Duration.ZERO);
        assertThat(PlatformCall.retryAfter("99999999999999999999999", later))
                .contains(PlatformCall.LONGEST_RETRY_AFTER);
    }

    @Test
    void an_http_date_is_measured_from_the_given_clock_not_the_system_clock() {
        Instant someday = Instant.parse("2031-03-30T01:30:00Z");
        String header = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(someday.plusSeconds(45), ZoneOffset.UTC));

        assertThat(PlatformCall.retryAfter(header, Clock.fixed(someday, ZoneOffset.UTC)))
                .contains(Duration.ofSeconds(45));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-5", "1.5", "soon", "Sun, 32 Nov 1994 08:49:37 GMT", "06-Nov-94 08:49:37 GMT"})
    void anything_else_is_not_a_retry_after(String header) {
        assertThat(PlatformCall.retryAfter(header, TWO_MINUTES_BEFORE)).isEmpty();
    }

    @Test
    void no_header_is_no_retry_after() {
        assertThat(PlatformCall.retryAfter(null, TWO_MINUTES_BEFORE)).isEqualTo(Optional.empty());
    }

    @Test
    void a_429_is_a_wait_for_the_call_s_scope_not_a_failure() {
        ChatPlatformException e = POST.answered(429, "30", true, TWO_MINUTES_BEFORE, null);

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, limited -> {
            assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(limited.scope()).isEqualTo(Scope.CHANNEL);
            assertThat(limited.permanent()).isFalse();
        });
        assertThat(LOOKUP.rateLimited(null, TWO_MINUTES_BEFORE)).satisfies(limited -> {
            assertThat(limited.retryAfter()).isEqualTo(PlatformCall.DEFAULT_RETRY_AFTER);
            assertThat(limited.scope()).isEqualTo(Scope.WORKSPACE);
        });
    }

    @Test
    void a_server_error_after_a_write_may_have_landed_but_after_a_read_is_only_transient() {
        assertThat(POST.answered(502, null, true, TWO_MINUTES_BEFORE, null))
                .isInstanceOf(UnknownOutcomeException.class);

        ChatPlatformException read = LOOKUP.answered(503, null, true, TWO_MINUTES_BEFORE, null);
        assertThat(read).isExactlyInstanceOf(ChatPlatformException.class);
        assertThat(read.permanent()).isFalse();
    }

    @Test
    void other_refusals_are_permanent_as_the_adapter_says() {
        assertThat(POST.answered(403, null, true, TWO_MINUTES_BEFORE, null))
                .isExactlyInstanceOf(ChatPlatformException.class)
                .extracting(ChatPlatformException::permanent)
                .isEqualTo(true);
        assertThat(POST.answered(401, null, false, TWO_MINUTES_BEFORE, null))
                .isExactlyInstanceOf(ChatPlatformException.class)
                .extracting(ChatPlatformException::permanent)
                .isEqualTo(false);
    }

    @Test
    void a_write_that_never_connected_did_not_land_but_one_that_timed_out_may_have() {
        IOException refused = new IOException("wrapped", new ConnectException("Connection refused"));

        assertThat(POST.notAnswered(refused))
                .isExactlyInstanceOf(ChatPlatformException.class)
                .extracting(ChatPlatformException::permanent)
                .isEqualTo(false);
        assertThat(POST.notAnswered(new SocketTimeoutException("timeout"))).isInstanceOf(UnknownOutcomeException.class);
        assertThat(LOOKUP.notAnswered(new SocketTimeoutException("timeout")))
                .isExactlyInstanceOf(ChatPlatformException.class);
    }
}
