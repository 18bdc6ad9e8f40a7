package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared intervisie takeaways on the digest's web page and in its exports, through the local console (issue 15,
 * section 1; docs/intervisie.md#sharing-takeaways): only those whose authors agreed, without names, as the thread
 * reads now, in the guild's language.
 */
class IntervisieDigestPageTest {
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/digest/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    /** The words of the console flow in one language. */
    private record Words(String lang, String method, String join, String next, String share, String digestTitle) {}

    private static final Words EN = new Words("en", "free", "join", "next", "share", "*This week in ");
    private static final Words NL = new Words("nl", "vrij", "meedoen", "volgende", "delen", "*Deze week in ");

    /**
     * lea brings a case, ann and bob take part; the three post takeaways, lea shares, ann agrees and bob does not.
     * Returns the path of the digest page that follows, and ann's takeaway's id.
     */
    private static String[] sharedSession(Http http, String channel, Words w) {
        ConsoleClient c = new ConsoleClient(http, channel);
        c.command("lea", "/shoptalk guild create G" + channel + " lang " + w.lang());
        c.command("ann", "/shoptalk guild join");
        c.command("bob", "/shoptalk guild join");
        c.post("lea", "/shoptalk intervisie " + w.method(), null);
        String thread = c.lastPublicBotPost("*Intervisie #").get("id").asText();
        c.post("ann", w.join(), thread);
        c.post("bob", w.join(), thread);
        c.post("lea", "A case about the Vermeer account.", thread);
        c.post("lea", w.next(), thread);
        c.post("ann", "What would you stop doing?", thread);
        c.post("lea", w.next(), thread);
        String leas = c.post("lea", "Saying no is part of the craft.", thread);
        String anns = c.post("ann", "Ask what someone would stop doing.", thread);
        c.post("bob", "My own overload showed here.", thread);
        c.post("lea", w.share(), thread);
        c.post("ann", w.share(), thread);
        c.post("lea", w.next(), thread);
        c.post("lea", "/shoptalk digest", null);
        String digest = c.lastPublicBotPost(w.digestTitle()).get("text").asText();
        Matcher link = LINK.matcher(digest);
        assertThat(link.find()).as(digest).isTrue();
        return new String[] {link.group(1), leas, anns};
    }

    @Test
    void the_page_and_exports_show_the_takeaways_whose_authors_agreed_without_names_in_english_and_dutch() {
        Http http = local.start(dir);
        String[] craft = sharedSession(http, "craft", EN);
        String[] vak = sharedSession(http, "vak", NL);

        String english = http.get(craft[0]).body();
        assertThat(english)
                .contains("An intervisie took place, with 3 people taking part.")
                .contains("What the group took away, shared by choice:")
                .contains("Saying no is part of the craft.")
                .contains("Ask what someone would stop doing.")
                .doesNotContain("overload")
                .doesNotContain("Vermeer")
                .doesNotContain("What would you stop doing?");
        String dutch = http.get(vak[0]).body();
        assertThat(dutch)
                .contains("Er was een intervisie, met 3 deelnemers.")
                .contains("Wat de groep meenam, gedeeld door eigen keuze:")
                .contains("Ask what someone would stop doing.")
                .doesNotContain("overload");

        assertThat(http.get(craft[0] + "/export.md").body())
                .contains("> Saying no is part of the craft.")
                .doesNotContain("overload");
        assertThat(http.get(craft[0] + "/export.json").body())
                .contains("\"sharedTakeaways\"")
                .contains("Ask what someone would stop doing.")
                .doesNotContain("overload");
    }

    @Test
    void an_edited_takeaway_is_shown_edited_and_a_deleted_one_is_gone_from_page_and_exports() {
        Http http = local.start(dir);
        String[] craft = sharedSession(http, "craft", EN);
        ConsoleClient c = new ConsoleClient(http, "craft");
        c.edit(craft[2], "Ask what someone would stop doing, then listen.");
        c.delete(craft[1]);

        assertThat(http.get(craft[0]).body())
                .contains("Ask what someone would stop doing, then listen.")
                .doesNotContain("Saying no");
        assertThat(http.get(craft[0] + "/export.md").body())
                .contains("then listen.")
                .doesNotContain("Saying no");
    }
}
