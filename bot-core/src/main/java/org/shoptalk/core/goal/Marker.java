package org.shoptalk.core.goal;

import java.util.Objects;

/** One thing the analysis recognised in a goal statement, with the words that gave it away. */
public record Marker(Kind kind, String text) {

    public Marker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** What kind of signal a marker is. Grouped here by what it means for the verdict. */
    public enum Kind {
        /** A group the team works for: pupils, parents, clients, patients, customers, residents... */
        TARGET_GROUP,
        /** The team's own people: teachers, staff, colleagues, everyone. The ones doing the work, usually. */
        STAFF,
        /** Language that says what changes for people: can, feel, know, understand, kunnen, ervaren... */
        RESULT_VERB,
        /** A link from a means to a purpose: so that, zodat. */
        PURPOSE,
        /** Criterion: a percentage, a share or a bare number. */
        PERCENTAGE_OR_COUNT,
        /** Criterion: a time limit such as "within 2 days", "binnen 48 uur". */
        TIME_LIMIT,
        /** Criterion: a date or period to be done by, such as "by Q3", "voor 1 juni", "in 2027". */
        DEADLINE,
        /** Criterion: a rhythm such as "weekly", "per week", "maandelijks". */
        FREQUENCY,
        /** Criterion: a measure or output figure such as a score, a KPI, absence, tickets closed. */
        MEASURE,
        /** Means: a training, course or workshop to attend. */
        TRAINING,
        /** Means: a tool, system, app or platform to use. */
        TOOL_OR_SYSTEM,
        /** Means: introducing something (roll out, implement, invoeren) or a procedure or meeting to hold. */
        IMPLEMENTATION,
        /** A limit on means posing as a goal: cutting costs, saving, bezuinigen. */
        BUDGET_CUT,
        /** A value word: trust, safety, ownership, vertrouwen... The "why" behind a goal. */
        VALUE
    }
}
