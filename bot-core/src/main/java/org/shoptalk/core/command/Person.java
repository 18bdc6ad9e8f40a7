package org.shoptalk.core.command;

/**
 * A person named in a command ({@code guild lead add @PERSON}): as the platform identified them, or as typed. Which of
 * the two a command may act on is the platform's matter ({@link Context#person}).
 */
public sealed interface Person {
    /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link Person} (docs/code-layout.md). */
    <R> R accept(Visitor<R> v);

    /** One method per way of naming a person. */
    interface Visitor<R> {
        R id(Person.Id x);

        R typed(Person.Typed x);
    }

    /** Identified: {@code <@U123>} or {@code <@U123|name>} from Slack, a Teams mention entity, {@code <@ann>} locally. */
    record Id(String id) implements Person {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.id(this);
        }
    }

    /**
     * Only typed, from the {@code @} to the end of the line ("@carl", "@Carl Jansen"): Slack leaves a name it could
     * not resolve as this plain text, and the local console names people this way.
     */
    record Typed(String text) implements Person {
        /** The first word without its {@code @}: the local console's user id. */
        public String name() {
            return words()[0].substring(1);
        }

        /** The second word, or null: a local name is one word. */
        public String extra() {
            String[] words = words();
            return words.length > 1 ? words[1] : null;
        }

        private String[] words() {
            return text.strip().split("\\s+");
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.typed(this);
        }
    }
}
