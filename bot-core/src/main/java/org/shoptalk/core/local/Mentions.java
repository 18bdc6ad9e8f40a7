package org.shoptalk.core.local;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;

/** Finds the people a local message mentions: "@alice" or "<@alice>", where the name is the user id. */
final class Mentions {
    // Not after a letter or digit, so "bob@example.com" is no mention.
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])<?@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)");

    private Mentions() {}

    static List<UserRef> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            // A sentence may end right after a name: "thanks @alice."
            String name = m.group(1).replaceAll("[.-]+$", "");
            if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).equals(LocalNames.BOT) && name.length() <= 40) {
                names.add(name);
            }
        }
        return names.stream().map(n -> new UserRef(Tenant.LOCAL, n)).toList();
    }
}
