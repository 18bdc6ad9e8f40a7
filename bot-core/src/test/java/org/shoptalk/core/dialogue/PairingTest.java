package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.ForwardingChatPlatform;

class PairingTest {
    private final CoreFixture f = CoreFixture.onH2();
    private static final List<String> PEOPLE = List.of("ann", "bob", "cas", "dee");

    @BeforeEach
    void optedInGuild() {
        f.run("lea", "craft", "guild create Craft");
        for (String p : PEOPLE) {
            f.run(p, "craft", "guild join");
            assertThat(f.run(p, "craft", "pairs on")).contains("professional friends");
        }
        f.run("eve", "craft", "guild join");
        assertThat(f.run("lea", "craft", "pairs every 1 weeks")).contains("every week;");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Set<Set<String>> pairRound(Instant at) {
        f.chat.clear();
        f.clock.set(at);
        f.core().runTask(new Task.Pairs(1), at);
        Set<Set<String>> pairs = new HashSet<>();
        for (String p : PEOPLE) {
            List<String> intro = f.chat.privateTo(p).stream().map(s -> s.text()).toList();
            assertThat(intro).as("one introduction for " + p).hasSize(1);
            String partner = PEOPLE.stream()
                    .filter(o -> !o.equals(p) && intro.get(0).contains("<@" + o + ">"))
                    .findFirst()
                    .orElseThrow();
            pairs.add(Set.of(p, partner));
        }
        assertThat(f.chat.privateTo("eve")).as("not opted in").isEmpty();
        return pairs;
    }

    @Test
    void opted_in_members_are_paired_privately_without_repeating_recent_pairs() {
        Instant first = Instant.parse("2026-11-30T09:00:00Z");
        Set<Set<String>> seen = new HashSet<>();
        for (int week = 0; week < 3; week++) {
            Set<Set<String>> pairs = pairRound(first.plus(Duration.ofDays(7L * week)));
            assertThat(pairs).hasSize(2);
            for (Set<String> pair : pairs) {
                assertThat(seen.add(pair))
                        .as("pair " + pair + " repeated in week " + week)
                        .isTrue();
            }
        }
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text())
                .as("pairs formed are not counted; pairs that met are (PairCheckInTest)")
                .doesNotContain("professional friends met")
                .doesNotContain("Ann")
                .doesNotContain("<@ann>");
    }

    @Test
    void an_odd_number_makes_a_trio_and_opting_out_is_respected() {
        f.run("eve", "craft", "pairs on");
        f.run("fay", "craft", "guild join");
        f.run("fay", "craft", "pairs on");
        assertThat(f.run("fay", "craft", "pairs off")).contains("out of");
        f.clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        f.core().runTask(new Task.Pairs(1), f.clock.instant());
        assertThat(f.chat.privateTo("fay")).isEmpty();
        long trios = List.of("ann", "bob", "cas", "dee", "eve").stream()
                .filter(p -> f.chat.privateTo(p).get(0).text().split("<@", -1).length == 3)
                .count();
        assertThat(trios).isEqualTo(3);
    }

    @Test
    void forget_me_removes_a_person_from_past_pairings_but_keeps_the_count() {
        pairRound(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(f.run("ann", "craft", "forget me")).contains("1 past pairing you were in");
        f.run("ann", "craft", "forget me confirm");
        List<String> members = f.db.withHandle(h -> h.query("SELECT members FROM pairing", rs -> rs.getString(1)));
        assertThat(members).hasSize(2).noneMatch(m -> m.contains("ann"));
    }

    @Test
    void introductions_carry_a_shared_question_and_announce_the_one_check_in() {
        f.clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        f.core().runTask(new Task.Pairs(1), f.clock.instant());
        String intro = f.chat.privateTo("ann").get(0).text();
        assertThat(intro)
                .contains("professional friends in Craft")
                .contains("?")
                .contains("In a week I will ask you once whether you managed to talk");
    }

    /**
     * A lead changes the rhythm from every 2 weeks to every 3 while Monday's pairs are introduced: the pairing planned
     * next is the new rhythm's first (the Monday after), not the old rhythm's (two weeks on) as well.
     */
    @Test
    void changing_the_rhythm_while_pairs_are_introduced_leaves_only_the_new_rhythm_planned() {
        assertThat(f.run("lea", "craft", "pairs every 2 weeks")).contains("every 2 weeks");
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        f.clock.set(monday);
        f.core().register(new ForwardingChatPlatform(f.chat) {
            private boolean changed;

            @Override
            public void sendPrivate(UserRef user, ChatMessage message) {
                if (!changed) {
                    changed = true;
                    assertThat(f.run("lea", "craft", "pairs every 3 weeks")).contains("every 3 weeks");
                }
                super.sendPrivate(user, message);
            }
        });

        f.core().runTask(new Task.Pairs(1), monday);

        assertThat(f.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'pairs-1'"))
                .isEqualTo(1);
        assertThat(f.count(
                        "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'pairs-1' AND NEXT_FIRE_TIME = ?",
                        monday.plus(Duration.ofDays(7)).toEpochMilli()))
                .isEqualTo(1);
    }
}
