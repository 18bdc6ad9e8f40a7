package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The personal record through the app (docs/record.md): asked for in the private chat of the local console, its
 * links are served next to the digest page; a changed link opens nothing. No date is asserted: the app runs on the
 * system clock, and the record's default period (the last year) holds what was just written.
 */
class RecordPageTest {
    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/record/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+/record\\.)(pdf|md)");

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    @Test
    void the_record_export_is_served_by_the_app_to_the_link_holder_only() {
        Http http = local.start(dir);
        ConsoleClient craft = new ConsoleClient(http, "craft");
        craft.command("alice", "/shoptalk guild create Craft lang en");
        String thread = craft.moment("alice", "goals-03");
        craft.post("alice", "The <b>families</b> we call back & reassure.", thread);

        assertThat(craft.command("alice", "/shoptalk record export"))
                .contains("private chat")
                .doesNotContain("/record/");
        String reply = new ConsoleClient(http, "@alice").command("alice", "record export");
        Matcher link = LINK.matcher(reply);
        assertThat(link.find()).as(reply).isTrue();

        Http.Answer md = http.get(link.group(1) + "md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body())
                .contains("# Your reflection record")
                .contains("Who is your work ultimately for?")
                .contains("The \\<b\\>families\\</b\\> we call back & reassure.");
        Http.Answer pdf = http.get(link.group(1) + "pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(pdf.header("Referrer-Policy")).isEqualTo("no-referrer");

        String path = link.group(1) + "md";
        int i = "/record/".length() + 3;
        String changed = path.substring(0, i) + (path.charAt(i) == 'A' ? 'B' : 'A') + path.substring(i + 1);
        Http.Answer refused = http.get(changed);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("families");
    }
}
