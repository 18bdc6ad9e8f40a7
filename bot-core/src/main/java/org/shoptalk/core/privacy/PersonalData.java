package org.shoptalk.core.privacy;

/**
 * What Shoptalk keeps about one person in one tenant, counted by kind: the preview of "forget me" (what would go and
 * what would stay) and, after confirmation, the report of what went and what stayed. All counts are {@code >= 0}.
 *
 * @param answers answers the person wrote under their name (removed)
 * @param anonymousAnswers answers they wrote anonymously, found by their pseudonyms (removed; the thread message is
 *     marked withdrawn)
 * @param memberships guilds they are a member of (removed)
 * @param intervisies intervisie sessions they joined, with the record of their posts per phase (removed)
 * @param conversations an open goal conversation (0 or 1, removed)
 * @param settings their reminder setting (0 or 1, removed)
 * @param pairOptIns guilds where they asked to be paired (removed)
 * @param responses colleagues' answers recorded as responding to them (they stay; only the link goes)
 * @param goals goals they set (they stay, as the guild's, without their name)
 * @param pairings past pairings they were in (they stay as a count for the digest, without their name)
 * @param created guilds, moments, skipped periods and prompts they created (they stay, without their name)
 * @param cases intervisie sessions they brought a case to (they stay, without their name)
 */
public record PersonalData(
        int answers,
        int anonymousAnswers,
        int memberships,
        int intervisies,
        int conversations,
        int settings,
        int pairOptIns,
        int responses,
        int goals,
        int pairings,
        int created,
        int cases) {

    /** Whether anything is kept about the person at all. */
    public boolean isEmpty() {
        return answers
                        + anonymousAnswers
                        + memberships
                        + intervisies
                        + conversations
                        + settings
                        + pairOptIns
                        + responses
                        + goals
                        + pairings
                        + created
                        + cases
                == 0;
    }
}
