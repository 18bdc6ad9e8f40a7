package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

/**
 * The chat digest is a summary that links to the page holding every answer; quoting never pings anyone again; and
 * when a platform refuses the digest the person who asked and the leads learn exactly what happened.
 */
class DigestInChatTest {
    private static final String PAGE = "https://shoptalk.example/digest/token";
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private String guild(String lang) {
        f.run("lea", "craft", "guild create Craft lang " + lang);
        f.run("lea", "craft", "guild lead add <@ann>");
        f.core().useDigestLinks((guild, end) -> Optional.of(PAGE));
        f.run("lea", "craft", "moment");
        return f.latestRoundThread("craft");
    }

    private FakeChatPlatform.Sent lastDigest(String header) {
        List<FakeChatPlatform.Sent> digests = f.chat.topLevel("craft").stream()
                .filter(s -> s.text().contains(header))
                .toList();
        assertThat(digests).isNotEmpty();
        return digests.get(digests.size() - 1);
    }

    @Test
    void a_busy_week_quotes_a_few_answers_and_links_to_all_of_them() {
        String thread = guild("en");
        for (int i = 0; i < 100; i++) {
            f.reply(
                    "craft",
                    thread,
                    "p" + i,
                    ("Answer " + i + " about the craft. ").repeat(20).substring(0, 500));
        }

        f.run("lea", "craft", "digest");

        ChatMessage digest = lastDigest("This week in Craft").message();
        long quotes = digest.blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Quote)
                .count();
        assertThat(quotes).isBetween(1L, 8L);
        assertThat(digest.plainText("/shoptalk"))
                .contains("Answers: 100")
                .contains("People who took part: 100")
                .contains("Read all answers on the web (100 in all")
                .contains(PAGE)
                .contains("Quoted here: ")
                .doesNotContain("Answer 99 about");
        assertThat(digest.blocks())
                .filteredOn(b -> b instanceof ChatMessage.Block.Quote)
                .allSatisfy(q -> assertThat(((ChatMessage.Block.Quote) q).text().length())
                        .isLessThanOrEqualTo(300));
    }

    @Test
    void the_liveliest_exchange_is_quoted_before_answers_that_stand_alone() {
        String thread = guild("en");
        f.reply("craft", thread, "carl", "A monologue about my week.");
        f.reply("craft", thread, "dina", "Another one, on its own.");
        f.reply("craft", thread, "emma", "We dropped the weekly status meeting.");
        f.reply("craft", thread, "finn", "<@emma> what did you do instead?", "emma");
        f.reply("craft", thread, "gus", "<@emma> same here, it freed a morning.", "emma");
        f.reply("craft", thread, "emma", "<@finn> we write two lines in the channel.", "finn");

        f.run("lea", "craft", "digest");

        List<String> quoted = lastDigest("This week in Craft").message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Quote)
                .map(b -> ((ChatMessage.Block.Quote) b).text())
                .toList();
        assertThat(quoted).startsWith("We dropped the weekly status meeting.", "@Emma what did you do instead?");
        assertThat(quoted).hasSize(4).doesNotContain("Another one, on its own.");
    }

    @Test
    void a_mention_inside_a_quote_shows_the_name_and_pings_nobody() {
        String thread = guild("en");
        f.reply("craft", thread, "bob", "I agree with <@carl> and <@dina|dina>: less is more.", "carl", "dina");

        f.run("lea", "craft", "digest");

        String digest = lastDigest("This week in Craft").text();
        assertThat(digest)
                .contains("I agree with @Carl and @Dina: less is more.")
                .doesNotContain("<@");
    }

    @Test
    void a_digest_refused_as_too_large_posts_the_short_version_and_tells_the_asker_and_the_leads() {
        guild("en");
        f.chat.failNextPosts(
                "craft",
                new ChatPlatformException(
                        "Slack chat.postMessage failed: msg_blocks_too_long",
                        true,
                        ChatPlatformException.Reason.TOO_LARGE,
                        "msg_blocks_too_long",
                        null));

        String reply = f.run("lea", "craft", "digest");

        assertThat(reply)
                .doesNotContain("The digest is posted")
                .contains("The digest is not posted in full in any of the guild's channels.")
                .contains("refused the full digest (msg_blocks_too_long)")
                .contains("short version there with the link to all answers");
        FakeChatPlatform.Sent brief = lastDigest("This week in Craft");
        assertThat(brief.text()).contains("This is the short version").contains(PAGE);
        assertThat(f.chat.privateTo("ann"))
                .last()
                .satisfies(n -> assertThat(n.text())
                        .contains("did not reach every channel in full")
                        .contains("msg_blocks_too_long"));
        assertThat(f.chat.privateTo("lea"))
                .as("the asker has the reply already")
                .isEmpty();
    }

    @Test
    void a_channel_that_is_gone_gets_no_fallback_and_the_reply_says_what_to_do_in_dutch() {
        f.run("lea", "craft", "guild create Vak lang nl");
        f.run("lea", "craft", "guild lead add <@ann>");
        f.chat.failNextPosts(
                "craft",
                new ChatPlatformException(
                        "Slack chat.postMessage failed: channel_not_found",
                        true,
                        ChatPlatformException.Reason.CHANNEL_UNREACHABLE,
                        "channel_not_found",
                        null));

        String reply = f.run("lea", "craft", "digest");

        assertThat(reply)
                .contains("Het volledige overzicht staat in geen enkel kanaal")
                .contains("bestaat het kanaal niet meer of zit ik er niet meer in (channel_not_found)")
                .contains("/shoptalk gilde kanaal weghalen");
        assertThat(f.chat.topLevel("craft")).noneMatch(s -> s.text().contains("Deze week in Vak"));
        assertThat(f.chat.privateTo("ann"))
                .last()
                .satisfies(n -> assertThat(n.text()).contains("channel_not_found"));
    }

    @Test
    void a_scheduled_digest_refused_as_invalid_goes_out_short_and_the_leads_learn_it() {
        guild("en");
        // Friday 16:00 in Amsterdam: the guild's digest time.
        f.clock.set(CoreFixture.MONDAY_MORNING.plus(Duration.ofDays(4)).plus(Duration.ofHours(7)));
        f.chat.failNextPosts(
                "craft",
                new ChatPlatformException(
                        "Teams: start a channel post failed: HTTP 413",
                        true,
                        ChatPlatformException.Reason.TOO_LARGE,
                        "HTTP 413",
                        null));

        f.core().runTask(new Task.Digest(1), f.clock.instant());

        assertThat(lastDigest("This week in Craft").text()).contains("This is the short version");
        assertThat(f.count("SELECT COUNT(*) FROM digest_channel WHERE state = 'DONE'"))
                .isEqualTo(1);
        assertThat(f.chat.privateTo("lea"))
                .last()
                .satisfies(n -> assertThat(n.text())
                        .contains("The weekly digest did not reach every channel in full")
                        .contains("HTTP 413"));
    }

    @Test
    void a_digest_that_landed_everywhere_says_so() {
        guild("en");
        assertThat(f.run("lea", "craft", "digest")).isEqualTo("The digest is posted in the guild's channels.");
        assertThat(f.chat.privateTo("ann")).isEmpty();
    }
}
