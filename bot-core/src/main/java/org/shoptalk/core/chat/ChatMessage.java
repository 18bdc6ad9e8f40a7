package org.shoptalk.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A platform-neutral message: an ordered list of blocks that each adapter renders
 * (Block Kit, Adaptive Cards, plain text for the local console).
 */
public record ChatMessage(List<Block> blocks) {

    public ChatMessage {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one block");
        }
    }

    public static ChatMessage text(String text) {
        return new ChatMessage(List.of(new Block.Text(text)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A readable plain rendering: used by the local console and as notification fallback text. A button reads as the
     * command it runs, written with {@code invocation} ({@link ChatPlatform#invocation()}).
     */
    public String plainText(String invocation) {
        return blocks.stream().map(b -> b.plain(invocation)).collect(Collectors.joining("\n"));
    }

    /** The building blocks of a message. */
    public sealed interface Block {
        /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link Block} (docs/code-layout.md). */
        <R> R accept(Visitor<R> v);

        /** One method per kind of block; a renderer implements it, so a new kind of block fails to compile until every renderer shows it. */
        interface Visitor<R> {
            R header(Block.Header x);

            R text(Block.Text x);

            R quote(Block.Quote x);

            R context(Block.Context x);

            R link(Block.Link x);

            R button(Block.Button x);

            R divider(Block.Divider x);
        }

        /** This block as plain text; {@code invocation} is how a command is typed where it is read. */
        String plain(String invocation);

        record Header(String text) implements Block {
            public Header {
                Objects.requireNonNull(text);
            }

            @Override
            public String plain(String invocation) {
                return "*" + text + "*";
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.header(this);
            }
        }

        record Text(String text) implements Block {
            public Text {
                Objects.requireNonNull(text);
            }

            @Override
            public String plain(String invocation) {
                return text;
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.text(this);
            }
        }

        /** Someone's words, quoted. */
        record Quote(String text, String attribution) implements Block {
            public Quote {
                Objects.requireNonNull(text);
            }

            @Override
            public String plain(String invocation) {
                String quoted = "> " + text.replace("\n", "\n> ");
                return attribution == null ? quoted : quoted + "\n  - " + attribution;
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.quote(this);
            }
        }

        /** A quiet side note, e.g. why a question is asked. */
        record Context(String text) implements Block {
            public Context {
                Objects.requireNonNull(text);
            }

            @Override
            public String plain(String invocation) {
                return "(" + text + ")";
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.context(this);
            }
        }

        record Link(String label, String url) implements Block {
            public Link {
                Objects.requireNonNull(label);
                Objects.requireNonNull(url);
            }

            @Override
            public String plain(String invocation) {
                return label + ": " + url;
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.link(this);
            }
        }

        /** An action; {@code command} is the command text the button runs, e.g. "resume 12". */
        record Button(String label, String command) implements Block {
            public Button {
                Objects.requireNonNull(label);
                Objects.requireNonNull(command);
            }

            @Override
            public String plain(String invocation) {
                return "[" + label + "] " + invocation + " " + command;
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.button(this);
            }
        }

        record Divider() implements Block {
            @Override
            public String plain(String invocation) {
                return "---";
            }

            @Override
            public <R> R accept(Visitor<R> v) {
                return v.divider(this);
            }
        }
    }

    /** Collects blocks in order. Not thread-safe. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder header(String text) {
            blocks.add(new Block.Header(text));
            return this;
        }

        public Builder text(String text) {
            blocks.add(new Block.Text(text));
            return this;
        }

        public Builder quote(String text, String attribution) {
            blocks.add(new Block.Quote(text, attribution));
            return this;
        }

        public Builder context(String text) {
            blocks.add(new Block.Context(text));
            return this;
        }

        public Builder link(String label, String url) {
            blocks.add(new Block.Link(label, url));
            return this;
        }

        public Builder button(String label, String command) {
            blocks.add(new Block.Button(label, command));
            return this;
        }

        public Builder divider() {
            blocks.add(new Block.Divider());
            return this;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public ChatMessage build() {
            return new ChatMessage(blocks);
        }
    }
}
