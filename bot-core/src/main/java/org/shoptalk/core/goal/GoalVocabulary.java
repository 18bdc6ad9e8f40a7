package org.shoptalk.core.goal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything language-specific about the goal analysis: the pattern table, the words that link a number to a
 * group ("90% <b>of the</b> parents"), and the follow-up questions. Immutable.
 *
 * @param rules in priority order: where two rules match overlapping text, the earlier one keeps it
 * @param quantityLink matches the whole gap between a percentage or count and a target group that it quantifies
 * @param subjectLeadIn matches the whole text in front of a target group that opens the statement as its subject
 *                      ("Our", "Alle nieuwe")
 */
record GoalVocabulary(
        List<MarkerRule> rules, Pattern quantityLink, Pattern subjectLeadIn, Map<FollowUp, String> questions) {

    GoalVocabulary {
        rules = List.copyOf(rules);
        questions = Map.copyOf(questions);
        for (FollowUp f : FollowUp.values()) {
            if (!questions.containsKey(f)) {
                throw new IllegalArgumentException("no question for " + f);
            }
        }
    }

    String question(FollowUp followUp) {
        return questions.get(followUp);
    }
}
