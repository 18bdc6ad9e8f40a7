package org.shoptalk.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;

/** What a guild notices of the rotation: no question comes back before its theme has been gone through. */
class PromptRotationTest {
    private static final Pattern POSTED = Pattern.compile("Posted reflection moment (\\S+) in");

    private final CoreFixture f = CoreFixture.onH2();
    private final Set<String> explore = ids(PromptLibrary.builtIn().byTheme(Theme.EXPLORE));

    @BeforeEach
    void guild() {
        f.run("lea", "craft", "guild create Craft lang en");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void explore_questions_do_not_repeat_until_all_were_asked_then_start_over() {
        assertThat(explore).hasSizeGreaterThanOrEqualTo(12);

        List<String> firstPass = ask("moment explore", explore.size());
        List<String> secondPass = ask("moment explore", explore.size());

        assertThat(firstPass).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(explore);
        assertThat(secondPass).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(explore);
    }

    @Test
    void a_guilds_own_question_joins_the_rotation_of_its_theme() {
        List<String> asked = new ArrayList<>(ask("moment explore", 3));
        assertThat(f.run("lea", "craft", "prompt add \"What did a colleague teach you this month?\" theme explore"))
                .contains("own-1");

        asked.addAll(ask("moment explore", explore.size() - 2));

        Set<String> all = new HashSet<>(explore);
        all.add("own-1");
        assertThat(asked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(f.chat.all().stream().anyMatch(s -> s.text().contains("What did a colleague teach you this month?")))
                .isTrue();
    }

    @Test
    void a_question_chosen_by_id_is_not_asked_again_in_the_same_pass() {
        String chosen = explore.iterator().next();
        assertThat(ask("moment " + chosen, 1)).containsExactly(chosen);

        List<String> rest = ask("moment explore", explore.size() - 1);

        assertThat(rest).doesNotContain(chosen).doesNotHaveDuplicates();
    }

    @Test
    void moments_without_a_theme_go_through_every_theme_before_repeating_one() {
        ask("moment", Theme.values().length);

        List<String> themes =
                f.db.withHandle(h -> h.query("SELECT theme FROM round ORDER BY id", rs -> rs.getString(1)));
        assertThat(themes).hasSize(Theme.values().length).doesNotHaveDuplicates();
    }

    @Test
    void after_a_theme_starts_its_second_pass_moments_without_a_theme_go_to_every_other_theme_first() {
        ask("moment explore", explore.size() + 1);

        ask("moment", Theme.values().length);

        List<String> themes =
                f.db.withHandle(h -> h.query("SELECT theme FROM round ORDER BY id", rs -> rs.getString(1)));
        List<String> themeless = themes.subList(explore.size() + 1, themes.size());
        assertThat(themeless).doesNotHaveDuplicates().endsWith(Theme.EXPLORE.key());
    }

    @Test
    void two_guilds_rotate_independently() {
        f.run("ben", "design", "guild create Design lang en");
        List<String> craft = ask("moment explore", explore.size());
        List<String> design = new ArrayList<>();
        for (int i = 0; i < explore.size(); i++) {
            design.add(askedId(f.run("ben", "design", "moment explore")));
        }

        assertThat(craft).containsExactlyInAnyOrderElementsOf(explore);
        assertThat(design).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(explore);
    }

    /** Lea types the command {@code times} times, an hour apart; returns the prompt ids posted. */
    private List<String> ask(String command, int times) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            ids.add(askedId(f.run("lea", "craft", command)));
            f.clock.advance(Duration.ofHours(1));
        }
        return ids;
    }

    private static String askedId(String reply) {
        Matcher m = POSTED.matcher(reply);
        assertThat(m.find()).as("a moment was posted: %s", reply).isTrue();
        return m.group(1);
    }

    private static Set<String> ids(List<Prompt> prompts) {
        Set<String> ids = new HashSet<>();
        prompts.forEach(p -> ids.add(p.id()));
        return ids;
    }
}
