package org.shoptalk.core.goal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shoptalk.core.goal.Marker.Kind;
import org.shoptalk.core.goal.MarkerScan.Found;
import org.shoptalk.core.goal.VerdictRules.Decision;

/**
 * Picks the follow-up questions for a verdict, most useful first, at most four. A criterion, means or unclear
 * statement is first asked about the people ("for whom?", "what will be different for them?"), because that is
 * the step to a goal, and then about the value behind it. A result goes on in the order of the goal coach: the
 * value behind it, signs the team chooses itself, and the limits on means.
 */
final class FollowUpPlanner {
    private static final int MAX_QUESTIONS = 4;

    private FollowUpPlanner() {}

    static List<String> plan(Decision decision, MarkerScan scan, GoalVocabulary vocabulary, Locale locale) {
        List<FollowUp> plan = new ArrayList<>(
                switch (decision.verdict()) {
                    case RESULT_FOR_TARGET_GROUP ->
                        List.of(
                                valueQuestion(scan),
                                FollowUp.SIGNS,
                                scan.hasAny(MarkerScan.CRITERIA) ? FollowUp.OWN_INDICATOR : FollowUp.LIMITS);
                    case CRITERION ->
                        scan.has(Kind.DEADLINE)
                                ? List.of(FollowUp.NUMBER_STANDS_FOR, aboutPeople(decision), FollowUp.BY_THEN)
                                : List.of(FollowUp.NUMBER_STANDS_FOR, aboutPeople(decision));
                    case MEANS -> List.of(meansQuestion(scan), aboutPeople(decision));
                    case UNCLEAR -> List.of(aboutPeople(decision), FollowUp.MAKE_CONCRETE);
                });
        if (decision.verdict() != Verdict.RESULT_FOR_TARGET_GROUP) {
            plan.add(valueQuestion(scan));
        }
        String group = decision.group() == null ? "" : decision.group().text().toLowerCase(locale);
        String value = scan.has(Kind.VALUE) ? scan.first(Kind.VALUE).text().toLowerCase(locale) : "";
        return plan.stream()
                .limit(MAX_QUESTIONS)
                .map(f -> vocabulary.question(f).replace("{group}", group).replace("{value}", value))
                .toList();
    }

    static List<String> forEmptyStatement(GoalVocabulary vocabulary) {
        return List.of(vocabulary.question(FollowUp.ASK_GOAL));
    }

    private static FollowUp valueQuestion(MarkerScan scan) {
        return scan.has(Kind.VALUE) ? FollowUp.VALUE_IN_PRACTICE : FollowUp.VALUE_BEHIND;
    }

    private static FollowUp aboutPeople(Decision decision) {
        return decision.group() == null ? FollowUp.FOR_WHOM : FollowUp.WHAT_CHANGES;
    }

    /** A saving is named first when present: pillar 2 says it is a limit, and that is worth saying before anything. */
    private static FollowUp meansQuestion(MarkerScan scan) {
        if (scan.has(Kind.BUDGET_CUT)) {
            return FollowUp.SAVING_IS_A_LIMIT;
        }
        Found first = scan.firstOf(MarkerScan.MEANS);
        if (first.kind() == Kind.TRAINING) {
            return FollowUp.AFTER_TRAINING;
        }
        if (first.kind() == Kind.TOOL_OR_SYSTEM) {
            return FollowUp.TOOL_SOLVES;
        }
        return FollowUp.ONCE_IN_PLACE;
    }
}
