package org.shoptalk.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Dimension;

/**
 * The words and numbers every rendering of a record shares: labels from the catalog in the record's language,
 * dates in the record's zone and in the language's one date style ({@link Dates}), totals. Stateless.
 */
final class RecordText {
    private final PersonalRecord record;

    RecordText(PersonalRecord record) {
        this.record = record;
    }

    String t(String key, Object... args) {
        return Texts.get().t(record.language(), key, args);
    }

    String day(Instant at) {
        return Dates.date(record.language(), at.atZone(record.zone()).toLocalDate());
    }

    String title() {
        return t("record.title");
    }

    String period() {
        String period = t("record.period", record.from(), record.to());
        return record.only() == null ? period : period + " · " + t("record.only", label(record.only()));
    }

    String label(Dimension d) {
        return t(d.labelKey());
    }

    String dimensions(Set<Dimension> dims) {
        return dims.stream().sorted().map(this::label).collect(Collectors.joining(", "));
    }

    /** Hours with one decimal, e.g. "2.5" (the total of reported minutes). */
    String hours() {
        return t("record.hours", record.minutes() / 60.0);
    }

    /** The totals, one line each: intervisie time, sessions without time, moments answered per dimension. */
    List<String> totals() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(t("record.total.sessions", record.sessions().size(), hours()));
        if (record.unreported() > 0) {
            lines.add(t("record.total.unreported", record.unreported()));
        }
        for (Map.Entry<Dimension, Integer> e : record.answeredPerDimension().entrySet()) {
            if (record.only() == null || record.only() == e.getKey()) {
                lines.add(t("record.total.dimension", label(e.getKey()), e.getValue()));
            }
        }
        return lines;
    }

    String role(PersonalRecord.SessionEntry s) {
        return t(s.bringer() ? "record.role.bringer" : "record.role.participant");
    }

    String time(PersonalRecord.SessionEntry s) {
        return s.minutes() == null ? t("record.time.none") : t("record.time.reported", s.minutes());
    }
}
