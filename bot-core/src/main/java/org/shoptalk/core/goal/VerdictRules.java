package org.shoptalk.core.goal;

import org.shoptalk.core.goal.Marker.Kind;
import org.shoptalk.core.goal.MarkerScan.Found;

/**
 * The verdict, decided from the markers by a fixed list of rules. The first rule that applies wins:
 * <ol>
 *   <li><b>Purpose</b>: "... so that / zodat" followed by a target group is a result for that group, whatever
 *       means or numbers come before it (the statement names what the means are for). A staff group after the
 *       link counts too when result language follows the link.</li>
 *   <li><b>Quantified group</b>: a percentage or count directly in front of a target group ("90% of parents",
 *       "80 procent van de leerlingen") is a criterion: the number, not the people, has become the goal.</li>
 *   <li><b>Result</b>: a target group plus result language ("can", "feel", "kunnen", "ervaren"...) is a result,
 *       also when a time limit or number is in it (that is an indicator). When a means is named too, the group
 *       must come first: "patients can ... with the app" is about patients, "implement an app for patients" is
 *       about the app.</li>
 *   <li><b>Result for the team itself</b>: with no target group, a staff group with result language ("new
 *       colleagues feel welcome") is a result, but only when no means and no figure is in it; "our team can
 *       close 20 tickets a day" is a production target.</li>
 *   <li><b>Group as subject</b>: a statement that opens with a target group ("Older residents stay...",
 *       "Mantelzorgers houden het vol") says something about those people, even in a verb no table lists; it is a
 *       result when it names no means, no figure and no slogan ("our residents come first").</li>
 *   <li><b>Means</b>: a training, tool, roll-out, procedure or saving. Means win over figures: "cut costs by
 *       10%" is a limit on means with a number on it, "everyone attends the course by June" is a training with a
 *       deadline.</li>
 *   <li><b>Criterion</b>: a percentage, count, time limit, deadline, frequency or measure.</li>
 *   <li><b>Unclear</b>: anything else, including a group with nothing said about what changes for it
 *       ("quality for our patients").</li>
 * </ol>
 */
final class VerdictRules {

    /** The verdict and the group the statement is about (null when there is none). */
    record Decision(Verdict verdict, Found group) {}

    private VerdictRules() {}

    static Decision decide(MarkerScan scan, GoalVocabulary vocabulary) {
        Found purpose = scan.first(Kind.PURPOSE);
        if (purpose != null) {
            Found groupAfter = scan.firstAfter(Kind.TARGET_GROUP, purpose.end());
            if (groupAfter != null) {
                return new Decision(Verdict.RESULT_FOR_TARGET_GROUP, groupAfter);
            }
            Found staffAfter = scan.firstAfter(Kind.STAFF, purpose.end());
            if (staffAfter != null && scan.firstAfter(Kind.RESULT_VERB, purpose.end()) != null) {
                return new Decision(Verdict.RESULT_FOR_TARGET_GROUP, staffAfter);
            }
        }
        Found quantified = quantifiedGroup(scan, vocabulary);
        if (quantified != null) {
            return new Decision(Verdict.CRITERION, quantified);
        }
        Found group = scan.first(Kind.TARGET_GROUP);
        boolean result = scan.has(Kind.RESULT_VERB);
        Found firstMeans = scan.firstOf(MarkerScan.MEANS);
        if (group != null && result && (firstMeans == null || group.start() < firstMeans.start())) {
            return new Decision(Verdict.RESULT_FOR_TARGET_GROUP, group);
        }
        Found staff = scan.first(Kind.STAFF);
        if (group == null && staff != null && result && firstMeans == null && !scan.hasAny(MarkerScan.CRITERIA)) {
            return new Decision(Verdict.RESULT_FOR_TARGET_GROUP, staff);
        }
        if (group != null
                && firstMeans == null
                && !scan.hasAny(MarkerScan.CRITERIA)
                && !scan.has(Kind.SLOGAN)
                && vocabulary
                        .subjectLeadIn()
                        .matcher(scan.text().substring(0, group.start()))
                        .matches()) {
            return new Decision(Verdict.RESULT_FOR_TARGET_GROUP, group);
        }
        if (firstMeans != null) {
            return new Decision(Verdict.MEANS, group);
        }
        if (scan.hasAny(MarkerScan.CRITERIA)) {
            return new Decision(Verdict.CRITERION, group);
        }
        return new Decision(Verdict.UNCLEAR, group);
    }

    /** A target group right behind a percentage or count, with only linking words ("of the", "van de") between. */
    private static Found quantifiedGroup(MarkerScan scan, GoalVocabulary vocabulary) {
        for (Found f : scan.all()) {
            if (f.kind() != Kind.PERCENTAGE_OR_COUNT) {
                continue;
            }
            Found next = scan.next(f);
            if (next != null
                    && next.kind() == Kind.TARGET_GROUP
                    && vocabulary
                            .quantityLink()
                            .matcher(scan.text().substring(f.end(), next.start()))
                            .matches()) {
                return next;
            }
        }
        return null;
    }
}
