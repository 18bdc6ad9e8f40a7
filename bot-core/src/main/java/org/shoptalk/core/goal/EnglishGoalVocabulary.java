package org.shoptalk.core.goal;

import static org.shoptalk.core.goal.MarkerRule.rule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.shoptalk.core.goal.Marker.Kind;

/** The English pattern table and questions. Order matters: an earlier rule keeps the text it matched. */
final class EnglishGoalVocabulary {
    private static final String MONTH =
            "january|february|march|april|may|june|july|august|september|october" + "|november|december";
    private static final String NUMBER = "\\d+(?:[.,]\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|twelve|fifteen|twenty|thirty|forty(?:-eight)?|sixty|a\\s+few";
    private static final String TIME_UNIT =
            "seconds?|secs?|minutes?|mins?|hours?|hrs?|(?:working\\s+|business\\s+)?days?" + "|weeks?|months?|years?";
    private static final String PERIOD = "(?:school\\s+|academic\\s+|calendar\\s+|financial\\s+)?(?:year|term|quarter"
            + "|month|semester|project|summer)";

    private EnglishGoalVocabulary() {}

    static GoalVocabulary create() {
        return new GoalVocabulary(rules(), quantityLink(), subjectLeadIn(), questions());
    }

    private static List<MarkerRule> rules() {
        return List.of(
                // Deadlines first, so "in 2027" or "by 1 June" is a date and not a bare count.
                rule(
                        Kind.DEADLINE,
                        "(?:by|before|until|in|from|during|at)\\s+(?:the\\s+)?(?:(?:end|start|beginning)\\s+of\\s+)?"
                                + "(?:" + MONTH + ")(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:\\s+20\\d\\d)?"),
                rule(
                        Kind.DEADLINE,
                        "(?:by|before|on)\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTH + ")(?:\\s+20\\d\\d)?"),
                rule(
                        Kind.DEADLINE,
                        "(?:(?:by|before|in|from|during)\\s+(?:the\\s+end\\s+of\\s+)?)?(?:q[1-4](?:\\s+20\\d\\d)?|20\\d\\d)"),
                rule(
                        Kind.DEADLINE,
                        "(?:(?:by|before|in|from)\\s+)?(?:the\\s+)?(?:first|second|third|fourth|last)\\s+quarter"),
                rule(
                        Kind.DEADLINE,
                        "(?:(?:by|before|at)\\s+)?the\\s+(?:end|start|beginning)\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?"
                                + PERIOD),
                rule(
                        Kind.DEADLINE,
                        "(?:by|before|after)\\s+(?:the\\s+)?(?:summer|christmas|spring|autumn|winter)(?:\\s+holidays?)?"),
                rule(Kind.DEADLINE, "(?:this|next)\\s+" + PERIOD + "|deadline"),
                // A time limit is a criterion even when it sounds friendly: it measures speed, not what people gain.
                rule(
                        Kind.TIME_LIMIT,
                        "(?:within|in\\s+under|in\\s+less\\s+than|under|less\\s+than|no\\s+more\\s+than|at\\s+most)"
                                + "\\s+(?:the\\s+first\\s+)?(?:" + NUMBER + ")\\s+(?:" + TIME_UNIT + ")"),
                rule(Kind.TIME_LIMIT, "(?:on\\s+)?the\\s+same\\s+(?:day|morning|afternoon|week)"),
                rule(
                        Kind.PERCENTAGE_OR_COUNT,
                        "\\d+(?:[.,]\\d+)?\\s?%|\\d+(?:[.,]\\d+)?\\s+(?:percent|per\\s+cent|percentage\\s+points?)"),
                rule(
                        Kind.PERCENTAGE_OR_COUNT,
                        "(?:half|a\\s+third|two\\s+thirds|a\\s+quarter|three\\s+quarters|the\\s+majority|most)\\s+of"
                                + "|by\\s+(?:half|a\\s+third|a\\s+quarter)"
                                + "|double|halve|triple|twice\\s+as\\s+(?:many|much|fast)"),
                rule(Kind.FREQUENCY, "daily|weekly|fortnightly|monthly|quarterly|yearly|annual(?:ly)?"),
                rule(
                        Kind.FREQUENCY,
                        "(?:(?:once|twice|\\d+\\s+times|three\\s+times)\\s+(?:a|per|every)|every|each|per)\\s+(?:other\\s+)?"
                                + "(?:day|week|month|quarter|term|year|sprint|shift)"),
                // Savings before measures: "reduce costs" is a limit on means, not a figure to report.
                rule(
                        Kind.BUDGET_CUT,
                        "(?:cut|cuts|cutting|reduce|reducing|lower|lowering|bring\\s+down|trim|save|saving)\\s+"
                                + "(?:[\\p{L}-]+\\s+){0,3}?(?:costs?|budgets?|spending|expenses|expenditure|overheads?|headcount|fte)"),
                rule(
                        Kind.BUDGET_CUT,
                        "(?:costs?|spending|budgets?|expenses)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:down|cut|reduced|lower)"),
                rule(
                        Kind.BUDGET_CUT,
                        "(?:budget|cost)\\s+cuts?|cost[-\\s]cutting|cost\\s+savings?|savings|economi[sz]e|austerity"
                                + "|save\\s+money|save\\s+(?:€|\\$|£)?\\s?\\d[\\d.,]*(?:\\s*(?:k|million|euros?|eur|dollars?|pounds?))?"),
                // Figures that get reported: scores, KPIs, absence, and the units a service counts (tickets, calls).
                rule(
                        Kind.MEASURE,
                        "scores?|ratings?|grades?|kpis?|nps|net\\s+promoter|targets?(?!\\s+groups?)|benchmarks?|norms?"
                                + "|averages?|satisfaction(?:\\s+(?:rate|survey))?"),
                rule(
                        Kind.MEASURE,
                        "(?:lead|response|resolution|turnaround|waiting)\\s+times?|turnaround|throughput|backlog"
                                + "|waiting\\s+lists?|(?:sickness\\s+)?absence(?:\\s+rate)?|absenteeism|sick\\s+leave|staff\\s+turnover|churn"),
                rule(
                        Kind.MEASURE,
                        "tickets?|incidents?|calls?|cases?|complaints?|applications?|(?:the\\s+)?number\\s+of"),
                // Trainings to attend: valuable as a means, but nobody outside the team is better off by attendance
                // alone.
                rule(
                        Kind.TRAINING,
                        "train|trains|trained|training|trainings|retrain(?:ing)?|courses?|workshops?|e-?learning"
                                + "|webinars?|masterclass(?:es)?|bootcamps?|seminars?|certification|certified|study\\s+days?|inset\\s+days?"),
                // Tools and systems to use. Listed before groups so "electronic patient record" is a system, not
                // patients.
                rule(
                        Kind.TOOL_OR_SYSTEM,
                        "tools?|systems?|software|platforms?|apps?|portals?|dashboards?|crm|erp|chatbots?|ai"
                                + "|artificial\\s+intelligence|laptops?|tablets?|chromebooks?|databases?|spreadsheets?|sharepoint"
                                + "|(?:microsoft|ms)\\s+teams|slack|servicenow|topdesk|jira|cloud|servers?|templates?|knowledge\\s+base"
                                + "|intranet|website|online\\s+forms?"
                                + "|(?:electronic\\s+)?(?:patient|health|client|care)\\s+records?|ehr|epr|emr"),
                // Introducing something, or a procedure or meeting to hold: the way of working becomes the goal.
                rule(
                        Kind.IMPLEMENTATION,
                        "implement(?:s|ed|ing|ation)?|introduc(?:e|es|ed|ing|tion)|roll(?:s|ed|ing)?\\s+out"
                                + "|roll-?out|deploy(?:s|ed|ing|ment)?|launch(?:es|ed|ing)?|adopt(?:s|ed|ing|ion)?"
                                + "|(?:migrat|switch)(?:e|es|ed|ing|ion)?\\s+to|set\\s+up|install(?:s|ed|ing)?|purchase|procure"
                                + "|start(?:s|ed|ing)?\\s+(?:to\\s+)?us(?:e|ing)|replac(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)"
                                + "|digiti[sz](?:e|es|ed|ing|ation)"),
                rule(
                        Kind.IMPLEMENTATION,
                        "protocols?|procedures?|polic(?:y|ies)|checklists?|guidelines?|methods?|methodology"
                                + "|frameworks?|stand-?ups?|meetings?|huddles?|intervision|discussions?|sessions?"),
                // "so that" ties whatever comes before it to a purpose; what follows is where the result is.
                rule(
                        Kind.PURPOSE,
                        "so\\s+that|in\\s+order\\s+(?:that|for|to)|so\\s+as\\s+to|which\\s+(?:helps|lets|allows|enables)"
                                + "|enabling|allowing|to\\s+help|to\\s+enable|to\\s+let"),
                // Result language: what people can do, feel, know or no longer need once the goal is met.
                rule(
                        Kind.RESULT_VERB,
                        "can|could|(?:are|is|be|better)\\s+able|able\\s+to|manage\\s+to|get\\s+on\\s+with"
                                + "|get\\s+back|back\\s+(?:at|to)\\s+(?:work|school)|enjoys?|(?:with\\s+)?confidence|cope"),
                rule(
                        Kind.RESULT_VERB,
                        "feels?|feeling|felt|experiences?|experienced|know|knows|knowing|understands?|understanding"
                                + "|trusts?|dare|dares|learns?|learning|find|finds|recovers?|take\\s+part|participates?"
                                + "|are\\s+heard|have\\s+a\\s+say|no\\s+longer|only\\s+have\\s+to|(?:do\\s+not|don't)\\s+have\\s+to"
                                + "|without\\s+having\\s+to|without\\s+waiting|(?:on\\s+)?their\\s+own|themselves|independently"),
                // The people a team works for. A goal proper says what changes for one of these.
                rule(
                        Kind.TARGET_GROUP,
                        "pupils?|students?|learners?|parents?|guardians|clients?|patients?|customers?"
                                + "|(?:end[-\\s]|service\\s+)?users?|residents?|citizens?|inhabitants|tenants?|children|child|kids"
                                + "|famil(?:y|ies)|young\\s+people|youngsters|adolescents|teenagers|older\\s+people|(?:the\\s+)?elderly"
                                + "|visitors?|guests?|callers?|applicants?|job\\s*seekers?|passengers?|newcomers|refugees|participants"
                                + "|people\\s+we\\s+(?:serve|support|work\\s+for)|members\\s+of\\s+the\\s+public|the\\s+public"),
                // The team's own people: usually the ones who do the work, sometimes the group a goal is for.
                rule(
                        Kind.STAFF,
                        "teachers?|staff|employees?|colleagues?|co-?workers|nurses?|doctors?|agents?|engineers?"
                                + "|developers?|managers?|team\\s+leads?|mentors?|tutors?|coaches|(?:social|case|care|support)\\s+workers?"
                                + "|advis[eo]rs?|officers?|professionals?|everyone|everybody|teams?|service\\s+desk|help\\s?desk"
                                + "|workforce|personnel|new\\s+hires"),
                // Slogans block the subject rule: "our residents come first" names a group but not what changes for it.
                rule(
                        Kind.SLOGAN,
                        "come\\s+first|comes\\s+first|matters?|(?:are|is)\\s+(?:central|key|important|our\\s+priority)"
                                + "|at\\s+the\\s+(?:heart|centre|center)|deserves?\\s+the\\s+best|excellence|world[-\\s]class"),
                rule(
                        Kind.VALUE,
                        "trust|safety|respect|dignity|autonomy|independence|ownership|responsibility|equality|equity"
                                + "|inclusion|fairness|justice|compassion|well-?being|curiosity|craftsmanship|openness|transparency"
                                + "|honesty|courage|belonging|self-reliance|resilience|modern\\s+education"),
                // Any number left over is a count. Last, so dates, percentages and time limits keep theirs.
                rule(Kind.PERCENTAGE_OR_COUNT, "(?:€|\\$|£)\\s?\\d[\\d.,]*|\\d+(?:[.,]\\d+)*(?:k)?"));
    }

    /** "90% of the parents", "half of our customers": the number quantifies the group, so the number is the goal. */
    private static Pattern quantityLink() {
        return Pattern.compile(
                "\\s*(?:of\\s+)?(?:(?:all|the|our|their|these|those|its|my)\\s+)*", Pattern.CASE_INSENSITIVE);
    }

    /** "Our", "All new", "Older": words that may stand before a group that is the subject of the statement. */
    private static Pattern subjectLeadIn() {
        return Pattern.compile(
                "\\s*(?:(?:our|all|every|each|the|new|older|elderly|young|younger|these|more|fewer|most"
                        + "|local|vulnerable|many|sick|disabled|future|first-year|international)\\s+)*",
                Pattern.CASE_INSENSITIVE);
    }

    private static Map<FollowUp, String> questions() {
        Map<FollowUp, String> q = new EnumMap<>(FollowUp.class);
        q.put(
                FollowUp.ASK_GOAL,
                "What is your team working towards? Put the goal in a sentence or two, in your own words.");
        q.put(FollowUp.FOR_WHOM, "For whom are you doing this? Who should notice the difference?");
        q.put(FollowUp.WHAT_CHANGES, "What will be different for {group} once this works?");
        q.put(
                FollowUp.NUMBER_STANDS_FOR,
                "This figure may be a fine indicator, but which result does it stand for?"
                        + " What would people notice if you reached it?");
        q.put(
                FollowUp.BY_THEN,
                "When that date comes, what should be true for the people you work for that is not true now?");
        q.put(
                FollowUp.AFTER_TRAINING,
                "After the training, what will people do differently, and who will feel the effect?");
        q.put(FollowUp.TOOL_SOLVES, "Which problem does this tool solve, and for whom?");
        q.put(FollowUp.ONCE_IN_PLACE, "Once this is in place, what will it make possible, and for whom?");
        q.put(
                FollowUp.SAVING_IS_A_LIMIT,
                "A saving sets a limit on the means; it is not the goal itself."
                        + " Within that limit, what do you want to achieve, and for whom?");
        q.put(FollowUp.VALUE_BEHIND, "Which value is behind this goal? Think of trust, independence or safety.");
        q.put(FollowUp.VALUE_IN_PRACTICE, "You mention {value}. How would that show in your daily work?");
        q.put(
                FollowUp.SIGNS,
                "How will you notice it is happening? Name one or two signs your team picks itself, and why those.");
        q.put(
                FollowUp.OWN_INDICATOR,
                "Is the figure in this goal an indicator your team chose itself? What does it tell you?");
        q.put(
                FollowUp.LIMITS,
                "What must be prevented on the way there, for example a budget ceiling or a rule you share?");
        q.put(FollowUp.MAKE_CONCRETE, "Suppose the goal is reached: what would someone see happening in your work?");
        return q;
    }
}
