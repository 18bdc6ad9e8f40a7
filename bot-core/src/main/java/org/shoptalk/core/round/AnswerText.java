package org.shoptalk.core.round;

import java.util.List;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.SharedFile;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * An answer as readers see it on every surface (chat digest, web page, exports, local console): the person's words,
 * then a line saying what they shared, so a reply that is only a file still reads as taking part ("shared a file:
 * whiteboard.png") and no surface ever shows an empty quote. Files are named, never linked. Stateless.
 */
public final class AnswerText {
    private AnswerText() {}

    /** The words and what was shared, in {@code language}; never blank. */
    public static String shown(Answer answer, Language language) {
        return shown(answer.text(), answer.files(), language);
    }

    /**
     * {@code text} as written, followed by a line naming the {@code files} when there are any; a placeholder when
     * there is neither (an edit that left no words).
     */
    public static String shown(String text, List<SharedFile> files, Language language) {
        String words = text == null ? "" : text.strip();
        if (files.isEmpty()) {
            return words.isEmpty() ? Texts.get().t(language, "answer.no.words") : text;
        }
        String shared = shared(files, language);
        return words.isEmpty() ? shared : text.stripTrailing() + "\n" + shared;
    }

    /** "shared a file: a.png" or "shared 2 files: a.png, b.pdf", in {@code language}. */
    public static String shared(List<SharedFile> files, Language language) {
        Texts t = Texts.get();
        String names = files.stream()
                .map(f -> !f.name().isEmpty()
                        ? f.name()
                        : t.t(
                                language,
                                f.kind() == SharedFile.Kind.IMAGE ? "answer.unnamed.image" : "answer.unnamed.file"))
                .collect(Collectors.joining(", "));
        return files.size() == 1
                ? t.t(language, "answer.shared.one", names)
                : t.t(language, "answer.shared.many", files.size(), names);
    }
}
