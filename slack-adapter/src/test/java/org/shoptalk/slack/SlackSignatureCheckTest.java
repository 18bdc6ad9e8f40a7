package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The v0 signature check against the worked example in Slack's "Verifying requests from Slack". */
class SlackSignatureCheckTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureCheck checkAt(long epochSecond) {
        return new SlackSignatureCheck(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void slacks_worked_example_is_accepted() {
        assertThat(checkAt(1531420618L + 60).isValid(TIMESTAMP, SIGNATURE, body(BODY)))
                .isTrue();
    }

    @Test
    void a_changed_body_a_changed_signature_or_another_secret_is_refused() {
        SlackSignatureCheck check = checkAt(1531420618L + 60);

        assertThat(check.isValid(TIMESTAMP, SIGNATURE, body(BODY.replace("foobar", "foobaz"))))
                .isFalse();
        assertThat(check.isValid(TIMESTAMP, SIGNATURE.replace("a2114", "a2115"), body(BODY)))
                .isFalse();
        assertThat(check.isValid(TIMESTAMP, SIGNATURE.toUpperCase(java.util.Locale.ROOT), body(BODY)))
                .isFalse();
        assertThat(new SlackSignatureCheck("another-secret", Clock.systemUTC())
                        .isValid(TIMESTAMP, SIGNATURE, body(BODY)))
                .isFalse();
    }

    @Test
    void bolts_timestamp_rule_holds_five_minutes_old_is_refused() {
        long stamped = 1531420618L;

        assertThat(checkAt(stamped + 299).isValid(TIMESTAMP, SIGNATURE, body(BODY)))
                .isTrue();
        assertThat(checkAt(stamped + 300).isValid(TIMESTAMP, SIGNATURE, body(BODY)))
                .isFalse();
    }

    @Test
    void missing_or_unreadable_headers_are_refused() {
        SlackSignatureCheck check = checkAt(1531420618L);

        assertThat(check.isValid(null, SIGNATURE, body(BODY))).isFalse();
        assertThat(check.isValid(TIMESTAMP, null, body(BODY))).isFalse();
        assertThat(check.isValid("15314206l8", SIGNATURE, body(BODY))).isFalse();
        assertThat(check.isValid("9223372036854775807", SIGNATURE, body(BODY))).isFalse();
    }

    @Test
    void without_a_signing_secret_nothing_is_accepted() {
        assertThat(new SlackSignatureCheck(null, Clock.systemUTC()).isValid(TIMESTAMP, SIGNATURE, body(BODY)))
                .isFalse();
    }

    @Test
    void threads_checking_at_once_each_get_the_right_answer() {
        SlackSignatureCheck check = checkAt(1531420618L + 60);

        long accepted = IntStream.range(0, 2_000)
                .parallel()
                .filter(i -> check.isValid(TIMESTAMP, SIGNATURE, body(i % 2 == 0 ? BODY : BODY + i)))
                .count();

        assertThat(accepted).isEqualTo(1_000);
    }
}
