package org.shoptalk.core.goal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shoptalk.core.goal.VerdictRules.Decision;
import org.shoptalk.core.i18n.Language;

/**
 * Tells whether a goal statement is a result for a target group, or a criterion or a means standing in for one
 * (normative professionalisation, pillar 1), and which questions would help turn it into a result.
 *
 * <p>Deliberately rule-based and transparent: the pattern tables ({@link EnglishGoalVocabulary},
 * {@link DutchGoalVocabulary}) say what counts as a target group, a figure or a means, {@link VerdictRules} says
 * how markers become a verdict, and every marker that was seen is returned with its words, so a person can see
 * why the bot said what it said and disagree with it. It never stores or logs the text.
 *
 * <p>Immutable and thread-safe: one instance can serve every conversation.
 */
public final class GoalAnalyzer {
    private final Map<Language, GoalVocabulary> vocabularies = new EnumMap<>(Language.class);

    public GoalAnalyzer() {
        vocabularies.put(Language.EN, EnglishGoalVocabulary.create());
        vocabularies.put(Language.NL, DutchGoalVocabulary.create());
    }

    /**
     * Judges whether a goal is a result for the people served, and asks what would make it one.
     *
     * @param text the goal in the person's own words; null or blank gives {@link Verdict#UNCLEAR} with a question
     *             asking for the goal
     * @param lang the language of the text, which is also the language of the follow-up questions
     */
    public GoalAnalysis analyze(String text, Language lang) {
        Objects.requireNonNull(lang, "lang");
        GoalVocabulary vocabulary = vocabularies.get(lang);
        if (text == null || text.isBlank()) {
            return new GoalAnalysis(Verdict.UNCLEAR, null, List.of(), FollowUpPlanner.forEmptyStatement(vocabulary));
        }
        MarkerScan scan = MarkerScan.of(text, vocabulary.rules());
        Decision decision = VerdictRules.decide(scan, vocabulary);
        String group = decision.group() == null ? null : decision.group().text().toLowerCase(lang.locale());
        return new GoalAnalysis(
                decision.verdict(),
                group,
                scan.markers(),
                FollowUpPlanner.plan(decision, scan, vocabulary, lang.locale()));
    }
}
