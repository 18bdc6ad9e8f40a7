package org.shoptalk.core.dialogue;

import java.util.List;
import org.shoptalk.core.i18n.Language;

/** Reads a goal statement and says what it is and which questions would turn it into a result for someone. */
@FunctionalInterface
public interface GoalAdvisor {

    Advice advise(String goal, Language language);

    /** {@code verdict} is RESULT_FOR_TARGET_GROUP, CRITERION, MEANS or UNCLEAR; markers are the phrases seen. */
    record Advice(String verdict, String targetGroup, List<String> markers, List<String> followUps) {
        public Advice {
            markers = List.copyOf(markers);
            followUps = List.copyOf(followUps);
        }
    }
}
