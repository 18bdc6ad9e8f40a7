package org.shoptalk.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.record.PersonalRecord.AnswerEntry;
import org.shoptalk.core.record.PersonalRecord.GoalEntry;
import org.shoptalk.core.record.PersonalRecord.SessionEntry;

/**
 * The record's PDF shows people's words in the scripts Liberation Sans covers (docs/record.md): Latin with its
 * extensions, Greek and Cyrillic, in headings (bold) as in body text, from a font embedded in the file.
 */
class RecordPdfFontTest {
    private static final List<String> WORDS =
            List.of("Łódź", "Řeřicha", "ığüşöç", "Καλημέρα", "Привет", "Zoë Ñúñez", "Ελληνικά ερωτήματα", "Ďakujem");
    private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void words_beyond_western_european_scripts_show_in_the_pdf_from_an_embedded_font() throws IOException {
        for (Language language : Language.values()) {
            byte[] pdf = RecordExport.PDF.write(record(language));

            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                for (String word : WORDS) {
                    assertThat(text).as(language + ": " + word).contains(word);
                }
                List<PDFont> fonts = fonts(doc);
                assertThat(fonts).isNotEmpty();
                assertThat(fonts).allSatisfy(font -> {
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationSans");
                });
            }
        }
    }

    @Test
    void scripts_the_font_lacks_do_not_show_as_docs_record_md_says() throws IOException {
        PersonalRecord r = record(Language.EN);
        PersonalRecord lacking = new PersonalRecord(
                r.language(),
                r.zone(),
                r.from(),
                r.to(),
                null,
                List.of(new AnswerEntry(1, AT, "Craft", "Q", "CJK 中文 Arabic مرحبا end", Set.of(), false)),
                List.of(),
                List.of());

        try (PDDocument doc = Loader.loadPDF(RecordExport.PDF.write(lacking))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .as("a # for each letter")
                    .contains("CJK ## Arabic ##### end")
                    .doesNotContain("中文")
                    .doesNotContain("مرحبا");
        }
    }

    @Test
    void the_font_travels_with_its_licence() throws IOException {
        try (var in = RecordExport.class.getResourceAsStream("LiberationSans-LICENSE.txt")) {
            assertThat(in).as("the licence next to RecordExport").isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Liberation Fonts")
                    .contains("SIL OPEN FONT LICENSE Version 1.1");
        }
        try (var font = PDDocument.class.getResourceAsStream(RecordExport.FONT)) {
            assertThat(font).as(RecordExport.FONT).isNotNull();
        }
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> out = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                out.add(page.getResources().getFont(name));
            }
        }
        return out;
    }

    /** Every place a person's words appear: a question heading, an answer, a goal, a method name and a takeaway. */
    private static PersonalRecord record(Language language) {
        String all = String.join(", ", WORDS);
        return new PersonalRecord(
                language,
                ZoneId.of("Europe/Warsaw"),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                null,
                List.of(new AnswerEntry(1, AT, "Craft", "Ελληνικά ερωτήματα?", all, Set.of(Dimension.PERSONAL), false)),
                List.of(new GoalEntry(2, AT, "Привет, Łódź", "Zoë Ñúñez", null, List.of())),
                List.of(new SessionEntry(
                        3, AT, "Řeřicha", true, true, 45, Set.of(Dimension.NORMATIVE), List.of("ığüşöç Ďakujem"))));
    }
}
