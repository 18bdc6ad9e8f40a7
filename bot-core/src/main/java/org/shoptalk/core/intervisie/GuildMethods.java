package org.shoptalk.core.intervisie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.i18n.Language;

/**
 * A guild's own intervisie methods (issue 15, section 1: "the method set is data ... so a guild can add its own";
 * docs/intervisie.md#a-guilds-own-methods). A lead pastes a method in the shape of {@code methods.json}; it is checked
 * by the same strict rules as the built-in file and against the methods the guild already has, then stored one row per
 * method (table {@code intervisie_method}, migration V96). A method in use by a session that has not ended cannot be
 * removed, so a running session always finds the method it started with; a removed one is kept, marked (V98), so the
 * sessions that ran with it keep their name in the record ({@link #removed}). Stateless apart from the database: each call
 * runs in the caller's handle. Thread-safe.
 */
public final class GuildMethods {
    /** The longest paste taken: a method of ten phases in two languages fits in far less. */
    static final int MAX_SOURCE = 40_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MethodLibrary builtIn;
    private final GuildMethodStore store = new GuildMethodStore();

    public GuildMethods(MethodLibrary builtIn) {
        this.builtIn = builtIn;
    }

    /** The built-in methods followed by the guild's own, in the order they were added. */
    public MethodLibrary library(Handle h, long guildId) {
        List<String> sources = store.sources(h, guildId);
        if (sources.isEmpty()) {
            return builtIn;
        }
        return builtIn.with(read("[" + String.join(",", sources) + "]"));
    }

    /** The ids of the guild's own methods. */
    public List<String> ownIds(Handle h, long guildId) {
        return store.ids(h, guildId);
    }

    /** What adding a method came to: the methods added, or the problem in the guild's language. */
    public sealed interface Added {
        record Done(List<Method> methods) implements Added {}

        record Refused(String problem) implements Added {}
    }

    /**
     * Checks {@code source} (one method as a JSON object, or a list of methods) and stores its methods for the guild:
     * all or nothing.
     */
    public Added add(Handle h, long guildId, Language lang, UserRef by, String source, Instant now) {
        MethodLibrary more;
        MethodLibrary together;
        try {
            if (source.length() > MAX_SOURCE) {
                throw new MethodFileException(MethodFileException.Where.FILE, "method.error.array");
            }
            more = read(source);
            together = library(h, guildId).with(more);
        } catch (MethodFileException e) {
            return new Added.Refused(e.message(lang));
        }
        List<JsonNode> nodes = nodes(source);
        for (int i = 0; i < more.all().size(); i++) {
            store.insert(h, guildId, more.all().get(i).id(), nodes.get(i).toString(), by, now);
        }
        return new Added.Done(more.all().stream()
                .map(m -> together.byId(m.id()).orElseThrow())
                .toList());
    }

    /** Why a method cannot be removed, or empty when it was. */
    public Optional<String> remove(Handle h, long guildId, Language lang, String id) {
        if (!ownIds(h, guildId).contains(id)) {
            String key = builtIn.byId(id).isPresent() ? "intervisie.method.builtin" : "intervisie.method.unknown";
            return Optional.of(SessionMessages.t(lang, key, id));
        }
        Optional<Long> inUse = store.openSessionUsing(h, guildId, id);
        if (inUse.isPresent()) {
            return Optional.of(SessionMessages.t(lang, "intervisie.method.in.use", id, inUse.get()));
        }
        store.remove(h, guildId, id);
        return Optional.empty();
    }

    /**
     * The guild's own method {@code id} as it was when a lead removed it: to name the sessions that ran with it (the
     * personal record). Empty when the guild never had it, or it no longer reads by today's rules.
     */
    public Optional<Method> removed(Handle h, long guildId, String id) {
        try {
            return store.removedSource(h, guildId, id)
                    .map(source -> read("[" + source + "]"))
                    .flatMap(methods -> methods.byId(id));
        } catch (MethodFileException e) {
            return Optional.empty();
        }
    }

    private static MethodLibrary read(String source) {
        try {
            return MethodLibrary.parse(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The method objects of a source that {@link MethodLibrary#parse} accepted, in order. */
    private static List<JsonNode> nodes(String source) {
        try {
            JsonNode root = JSON.readTree(source);
            List<JsonNode> out = new ArrayList<>();
            if (root.isObject()) {
                out.add(root);
            } else {
                root.forEach(out::add);
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked method no longer reads", e);
        }
    }
}
