package org.shoptalk.core.goal;

/**
 * The follow-up questions the analysis can ask. Each vocabulary words them in its own language;
 * {@code {group}} and {@code {value}} are filled in with what the analysis found.
 */
enum FollowUp {
    /** The statement was empty. */
    ASK_GOAL,
    /** No target group: the first step towards a result. */
    FOR_WHOM,
    /** A group, but not what changes for it. */
    WHAT_CHANGES,
    /** A number stands in for the goal: ask for the result behind it. */
    NUMBER_STANDS_FOR,
    /** A deadline: what should be true by then for the people served. */
    BY_THEN,
    /** A training stands in for the goal. */
    AFTER_TRAINING,
    /** A tool stands in for the goal. */
    TOOL_SOLVES,
    /** Introducing something, or a procedure, stands in for the goal. */
    ONCE_IN_PLACE,
    /** A saving stands in for the goal: it is a limit on means (pillar 2). */
    SAVING_IS_A_LIMIT,
    /** Every goal has a value behind it. */
    VALUE_BEHIND,
    /** A value word was found: ask how it shows in daily work. */
    VALUE_IN_PRACTICE,
    /** A result: ask which signs the team would choose itself (pillar 3). */
    SIGNS,
    /** A result with a number in it: is that number an indicator the team chose, and why. */
    OWN_INDICATOR,
    /** A result: the limits on means, what must be prevented (pillar 2). */
    LIMITS,
    /** Too general to work with: ask what would be seen happening. */
    MAKE_CONCRETE
}
