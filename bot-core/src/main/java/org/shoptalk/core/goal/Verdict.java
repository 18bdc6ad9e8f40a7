package org.shoptalk.core.goal;

/** What a goal statement turns out to be, in the sense of normative professionalisation (pillar 1). */
public enum Verdict {
    /** Says what is realised for a group the team serves: a goal proper. */
    RESULT_FOR_TARGET_GROUP,
    /** A number, percentage, time limit or deadline stands in for the goal: useful as an indicator, not as the goal. */
    CRITERION,
    /** A training, tool, procedure or saving stands in for the goal: a way to get there, or a limit on the way. */
    MEANS,
    /** Nothing to go on yet: empty, too general, or a group without what should change for it. */
    UNCLEAR
}
