package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.SharedFile;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * A reply that only shares a file is taking part: every surface says what was shared, by name, and none shows an
 * empty quote. Edits of the words keep the files; deleting the message removes all. On H2 and PostgreSQL.
 */
class SharedFilesTest {
    private static final SharedFile WHITEBOARD = new SharedFile("whiteboard.png", SharedFile.Kind.IMAGE);
    private static final SharedFile NOTES = new SharedFile("notes.pdf", SharedFile.Kind.FILE);
    private static final SharedFile PASTED = new SharedFile(null, SharedFile.Kind.IMAGE);

    private static String thread(CoreFixture f, String lang) {
        f.run("lea", "craft", "guild create Craft lang " + lang);
        f.run("lea", "craft", "moment");
        return f.latestRoundThread("craft");
    }

    private static String digest(CoreFixture f) {
        f.run("lea", "craft", "digest");
        var posts = f.chat.topLevel("craft");
        ChatMessage digest = posts.get(posts.size() - 1).message();
        assertThat(digest.blocks())
                .as("no empty quote")
                .filteredOn(b -> b instanceof ChatMessage.Block.Quote)
                .allSatisfy(
                        q -> assertThat(((ChatMessage.Block.Quote) q).text()).isNotBlank());
        return digest.plainText("/shoptalk");
    }

    private static String page(CoreFixture f) {
        var history = DigestHistory.withIds(f.db);
        var guild = history.guild(1).orElseThrow();
        Instant now = f.clock.instant();
        var period = history.read(guild, now.minusSeconds(7 * 86_400), now.plusSeconds(1));
        return period.rounds().get(0).answers().stream()
                        .map(DigestHistory.AnswerEntry::text)
                        .reduce("", (a, b) -> a + "|" + b)
                + "\n" + DigestExport.MARKDOWN.write(period) + "\n" + DigestExport.CSV.write(period);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_file_without_words_is_shown_as_shared_on_every_surface(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            String thread = thread(f, "en");
            f.share("craft", thread, "ann", "", WHITEBOARD);
            f.share("craft", thread, "bob", "Our retro board, and the notes.", WHITEBOARD, NOTES);
            f.share("craft", thread, "cy", "", PASTED);

            f.restart();

            assertThat(digest(f))
                    .contains("> shared a file: whiteboard.png")
                    .contains("> Our retro board, and the notes.\n> shared 2 files: whiteboard.png, notes.pdf")
                    .contains("> shared a file: an image")
                    .contains("People who took part: 3");
            assertThat(page(f))
                    .contains("|shared a file: whiteboard.png|")
                    .contains("> shared a file: whiteboard.png")
                    .contains("\"Our retro board, and the notes.\nshared 2 files: whiteboard.png, notes.pdf\"");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void editing_the_words_keeps_the_files_and_deleting_removes_everything(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            String thread = thread(f, "nl");
            String drawing = f.share("craft", thread, "ann", "", WHITEBOARD);
            String notes = f.share("craft", thread, "bob", "Mijn aantekeningen", NOTES);

            f.edit("craft", drawing, "Zo zag ons bord eruit");
            f.edit("craft", notes, "");

            assertThat(digest(f))
                    .contains("> Zo zag ons bord eruit\n> deelde een bestand: whiteboard.png")
                    .contains("> deelde een bestand: notes.pdf")
                    .doesNotContain("Mijn aantekeningen");

            f.delete("craft", drawing);

            assertThat(digest(f)).doesNotContain("whiteboard.png").doesNotContain("Zo zag");
            assertThat(f.count("SELECT COUNT(*) FROM answer WHERE files LIKE ?", "%whiteboard%"))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_reply_with_neither_words_nor_files_is_not_an_answer(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            String thread = thread(f, "en");
            f.share("craft", thread, "ann", "  \n ");

            assertThat(f.count("SELECT COUNT(*) FROM answer")).isZero();
            assertThat(digest(f)).contains("People who took part: 0");
        }
    }
}
