package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shoptalk.core.chat.SharedFile;

/**
 * What a person shared with a Teams message, by name only: core never gets an address or content. Teams sends a
 * file from a channel as a {@code reference} attachment (name and SharePoint address), one from a personal chat as
 * {@code application/vnd.microsoft.teams.file.download.info} (name, and {@code content.fileType}), a picture as an
 * {@code image/*} attachment that often has no name, or only as an {@code <img>} in the message HTML; the message
 * body itself comes as a {@code text/html} attachment and cards as {@code application/vnd.microsoft.card.*}, which
 * are not shared files. Stateless and thread-safe.
 */
final class TeamsAttachments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "heic", "svg");

    private TeamsAttachments() {}

    static List<SharedFile> files(Activity activity) {
        List<SharedFile> files = new ArrayList<>();
        if (activity.getAttachments() != null) {
            for (Attachment a : activity.getAttachments()) {
                SharedFile file = a == null ? null : file(a);
                if (file != null) {
                    files.add(file);
                }
            }
        }
        boolean anImage = files.stream().anyMatch(f -> f.kind() == SharedFile.Kind.IMAGE);
        if (!anImage && TeamsText.isHtml(activity)) {
            // A picture pasted into the message is an <img> in its HTML, sometimes with no attachment of its own.
            for (int i = TeamsText.pictures(activity.getText()); i > 0; i--) {
                files.add(new SharedFile("", SharedFile.Kind.IMAGE));
            }
        }
        return files;
    }

    private static SharedFile file(Attachment a) {
        String type = a.getContentType() == null ? "" : a.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/vnd.microsoft.card.")) {
            return null;
        }
        String name = a.getName() == null ? "" : a.getName();
        if (type.startsWith("image/")) {
            return new SharedFile(name, SharedFile.Kind.IMAGE);
        }
        if (type.equals("application/vnd.microsoft.teams.file.download.info")) {
            JsonNode content = a.getContent() == null ? null : JSON.valueToTree(a.getContent());
            String fileType = content == null ? "" : content.path("fileType").asText("");
            return new SharedFile(name, kindOf(fileType.isEmpty() ? extension(name) : fileType));
        }
        if (type.equals("reference") || !name.isEmpty()) {
            return new SharedFile(name, kindOf(extension(name)));
        }
        return null;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static SharedFile.Kind kindOf(String extension) {
        return IMAGE_TYPES.contains(extension.toLowerCase(Locale.ROOT)) ? SharedFile.Kind.IMAGE : SharedFile.Kind.FILE;
    }
}
