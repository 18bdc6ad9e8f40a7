package org.shoptalk.core.goal;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link GoalAnalyzer#analyze}: the verdict, the target group it found (lower case, or null when
 * there is none), every marker it saw in the order they appear, and questions that help turn the statement into
 * a result for a target group.
 */
public record GoalAnalysis(Verdict verdict, String targetGroup, List<Marker> markers, List<String> followUps) {

    public GoalAnalysis {
        Objects.requireNonNull(verdict, "verdict");
        markers = List.copyOf(markers);
        followUps = List.copyOf(followUps);
    }
}
