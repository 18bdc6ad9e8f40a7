package org.shoptalk.core.goal;

import static org.shoptalk.core.goal.MarkerRule.rule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.shoptalk.core.goal.Marker.Kind;

/**
 * The Dutch pattern table and questions. Order matters: an earlier rule keeps the text it matched.
 * Dutch glues words together ("klanttevredenheidscijfer", "leerlingvolgsysteem"), so several rules allow
 * letters before or after a stem.
 */
final class DutchGoalVocabulary {
    private static final String MONTH =
            "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober" + "|november|december";
    private static final String NUMBER =
            "\\d+(?:[.,]\\d+)?|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf"
                    + "|vijftien|twintig|dertig|veertig|achtenveertig|zestig|enkele|een\\s+paar";
    private static final String TIME_UNIT =
            "seconden?|sec|minuten|minuut|min|uur|uren|(?:werk)?dagen|(?:werk)?dag|weken" + "|week|maanden|maand|jaar";
    private static final String PERIOD = "(?:school|kalender|boek)?jaar|kwartaal|semester|periode|maand|project";

    private DutchGoalVocabulary() {}

    static GoalVocabulary create() {
        return new GoalVocabulary(rules(), quantityLink(), subjectLeadIn(), questions());
    }

    private static List<MarkerRule> rules() {
        return List.of(
                // Deadlines first, so "in 2027" or "voor 1 juni" is a date and not a bare count.
                rule(
                        Kind.DEADLINE,
                        "(?:(?:voor|vóór|uiterlijk|per|in|vanaf|eind|begin|half|medio|tegen|op)\\s+)?"
                                + "(?:\\d{1,2}\\s+)?(?:" + MONTH + ")(?:\\s+20\\d\\d)?"),
                rule(
                        Kind.DEADLINE,
                        "(?:(?:voor|vóór|in|uiterlijk|vanaf|eind|begin|tegen)\\s+)?(?:q[1-4](?:\\s+20\\d\\d)?|20\\d\\d)"),
                rule(Kind.DEADLINE, "(?:in\\s+)?(?:het\\s+)?(?:eerste|tweede|derde|vierde|laatste)\\s+kwartaal"),
                rule(
                        Kind.DEADLINE,
                        "(?:(?:voor|vóór|aan|tegen|op)\\s+)?(?:het\\s+)?(?:eind|einde|begin)\\s+van\\s+"
                                + "(?:het|dit|deze|volgend|volgende)\\s+(?:" + PERIOD + ")"),
                rule(
                        Kind.DEADLINE,
                        "(?:voor|vóór|na)\\s+de\\s+(?:(?:zomer|kerst|herfst|voorjaars|mei)(?:vakantie)?|vakantie)"),
                rule(
                        Kind.DEADLINE,
                        "(?:dit|volgend|komend)\\s+(?:school|kalender)?jaar|(?:dit|volgend|komend)\\s+kwartaal"
                                + "|(?:deze|volgende|komende)\\s+(?:maand|periode)|deadline"),
                // A time limit is a criterion even when it sounds friendly: it measures speed, not what people gain.
                rule(
                        Kind.TIME_LIMIT,
                        "(?:binnen|onder\\s+de|in\\s+minder\\s+dan|minder\\s+dan|maximaal|hooguit|na\\s+hooguit)"
                                + "\\s+(?:" + NUMBER + ")\\s+(?:" + TIME_UNIT + ")"),
                rule(Kind.TIME_LIMIT, "(?:nog\\s+)?(?:dezelfde|diezelfde)\\s+(?:dag|ochtend|middag|week)"),
                rule(Kind.PERCENTAGE_OR_COUNT, "\\d+(?:[.,]\\d+)?\\s?%|\\d+(?:[.,]\\d+)?\\s+procent(?:punt(?:en)?)?"),
                rule(
                        Kind.PERCENTAGE_OR_COUNT,
                        "(?:de\\s+)?helft\\s+van|(?:twee|een)\\s+derde\\s+van|(?:een\\s+kwart|driekwart)\\s+van"
                                + "|de\\s+meeste|het\\s+merendeel\\s+van|de\\s+meerderheid\\s+van|verdubbel(?:en|t|d)|halver(?:en|t|d)"
                                + "|met\\s+(?:een\\s+kwart|een\\s+derde|de\\s+helft|twee\\s+derde|driekwart)"),
                rule(
                        Kind.FREQUENCY,
                        "dagelijks|wekelijks|tweewekelijks|maandelijks|driemaandelijks|jaarlijks|per\\s+kwartaal"),
                rule(
                        Kind.FREQUENCY,
                        "(?:elke|iedere|per)\\s+(?:dag|week|maand|kwartaal|periode|jaar|sprint|dienst)"
                                + "|(?:een|één|twee|drie|\\d+)\\s+keer\\s+(?:per|in\\s+de)\\s+(?:dag|week|maand|jaar|kwartaal)"),
                // Savings before measures: "kosten omlaag" is a limit on means, not a figure to report.
                rule(
                        Kind.BUDGET_CUT,
                        "bezuinig(?:en|ing|ingen|t|d)|bespar(?:en|ing|ingen|t)|kostenbesparing|kosten\\s*reductie"
                                + "|kostenverlaging|efficiencykorting|taakstelling|minder\\s+(?:fte|formatie|inhuur|geld|uitgeven|uitgaven)"),
                rule(
                        Kind.BUDGET_CUT,
                        "(?:kosten|uitgaven|budget|begroting)\\s+(?:\\p{L}+\\s+){0,4}?(?:omlaag|verlagen|verlaagd"
                                + "|terugdringen|teruggedrongen|beperken|verminderen|dalen|naar\\s+beneden|halveren)"),
                rule(
                        Kind.BUDGET_CUT,
                        "(?:verlaag|verlagen|verminder|verminderen|beperk|beperken|snijden\\s+in|terugdringen\\s+van)"
                                + "\\s+(?:de\\s+|het\\s+)?(?:kosten|uitgaven|budget|inhuur)"),
                // Figures that get reported: scores, KPIs, absence, and the units a service counts (meldingen,
                // tickets).
                rule(
                        Kind.MEASURE,
                        "\\p{L}*tevredenheid\\p{L}*|\\p{L}*cijfers?|scores?|kpi'?s?|nps|normen|norm|streefwaarden?"
                                + "|targets?|benchmarks?|gemiddelde?"),
                rule(
                        Kind.MEASURE,
                        "doorlooptijd(?:en)?|\\p{L}*wachttijd(?:en)?|reactietijd|oplostijd|responstijd|\\p{L}*wachtlijst(?:en)?"
                                + "|achterstand(?:en)?|backlog|\\p{L}*verzuim|verloop|productiviteit|slagingspercentage"),
                rule(
                        Kind.MEASURE,
                        "tickets?|meldingen|melding|\\p{L}*incidenten|\\p{L}*incident|dossiers?|aanvragen|aanvraag|klachten|klacht"
                                + "|(?:het\\s+)?aantal"
                                + "|afgehandeld|opgelost|voldoendes?"),
                // Trainings to attend: valuable as a means, but nobody outside the team is better off by attendance
                // alone.
                rule(
                        Kind.TRAINING,
                        "trainingen|training|trainen|traint|getraind|\\p{L}*cursus(?:sen)?|workshops?|\\p{L}*scholing"
                                + "|opleidingen|opleiding|e-?learning|studiedag(?:en)?|masterclass|webinars?|certificering|gecertificeerd"
                                + "|geschoold|(?:we|wij|ze|zij)\\s+scholen|scholen\\s+(?:we|wij)"),
                // Tools and systems to use. Listed before groups so "patiëntendossier" and the like stay a system.
                rule(
                        Kind.TOOL_OR_SYSTEM,
                        "\\p{L}*systeem|\\p{L}*systemen|software|platforms?|apps?|applicaties?|portaal|portal"
                                + "|dashboards?|tools?|crm|erp|chatbots?|ai|laptops?|tablets?|chromebooks?|digiborden|digibord|epd|ecd"
                                + "|elektronisch\\s+\\p{L}*dossier|magister|somtoday|topdesk|sharepoint|(?:microsoft|ms)\\s+teams"
                                + "|(?:rooster|software|computer|planning|administratie)programma|(?:digitaal\\s+|online\\s+)?loket"
                                + "|website|intranet|cloud|servers?|sjablonen|sjabloon|kennisbank"),
                // Introducing something, or a procedure or meeting to hold: the way of working becomes the goal.
                // "We voeren ... in." is split in two; the look-ahead finds the "in" at the end of the sentence.
                rule(
                        Kind.IMPLEMENTATION,
                        "voer(?:en|t|de|den)(?=[^.!?]*\\s+in\\s*[.!?]?\\s*$)|invoeren|invoering|ingevoerd"
                                + "|implementer(?:en|t|de)|geïmplementeerd|implementatie|introducer(?:en|t)|geïntroduceerd|introductie"
                                + "|uitrollen|uitrol|uitgerold|in\\s+gebruik\\s+(?:nemen|genomen|name)|overstappen\\s+op|overstap\\s+naar"
                                + "|aanschaffen|aanschaf|aangeschaft|opzetten|inrichten|lanceren|installeren|overstappen|stap(?:pen|t)\\s+over"
                                + "|richt(?:en|te|ten)?(?=\\s+(?:[\\p{L}-]+\\s+){0,5}?in(?!\\p{L}))|vervangen|digitaliser(?:en|t)"),
                rule(
                        Kind.IMPLEMENTATION,
                        "\\p{L}*protocol(?:len)?|procedures?|\\p{L}*beleid|werkwijze|methode|methodiek|checklist"
                                + "|richtlijn(?:en)?|\\p{L}*overleg|vergadering(?:en)?|\\p{L}*bijeenkomst(?:en)?|intervisie|stand-?up|dagstart"),
                // "zodat" ties whatever comes before it to a purpose; what follows is where the result is.
                rule(Kind.PURPOSE, "zodat|opdat|waardoor|met\\s+als\\s+doel\\s+dat|(?:er\\s*voor\\s+)?zorgen\\s+dat"),
                // Result language: what people can do, feel, know or no longer need once the goal is met.
                rule(
                        Kind.RESULT_VERB,
                        "kunnen|kan|kunt|kun|konden|(?:beter\\s+)?in\\s+staat|lukt|lukken|weer\\s+verder|verder\\s+met"
                                + "|met\\s+plezier|genieten|houden\\s+het\\s+vol"),
                rule(
                        Kind.RESULT_VERB,
                        "voelen|voelt|gevoeld|ervaren|ervaart|ervoer|weten|weet|begrijpen|begrijpt|snappen|snapt"
                                + "|vertrouwt|durven|durft|leren|leert|vinden|vindt|zelf|zelfstandig|op\\s+eigen\\s+kracht|regie|meedoen"
                                + "|doen\\s+mee|hoeven\\s+(?:\\p{L}+\\s+){0,4}?(?:niet|geen|maar|pas)|hoeft\\s+(?:\\p{L}+\\s+){0,4}?(?:niet|geen|maar)"
                                + "|niet\\s+langer|niet\\s+meer|gaan\\s+naar\\s+huis\\s+met|gehoord|gezien"),
                // The people a team works for. A goal proper says what changes for one of these.
                // "ouder" alone also means "older", so only the plural or "ouder van/die" counts.
                rule(
                        Kind.TARGET_GROUP,
                        "leerlingen|leerling|studenten|student|scholieren|scholier|cursisten|cursist|ouders"
                                + "|ouder(?=\\s+(?:van|die))|verzorgers|cli[eë]nten|cli[eë]nt|pati[eë]nten|pati[eë]nt|klanten|klant"
                                + "|(?:eind)?gebruikers?|bewoners?|burgers?|inwoners?|kinderen|kind|gezinnen|gezin|families|jongeren|jongere"
                                + "|ouderen|bezoekers?|gasten|huurders?|aanvragers?|melders?|deelnemers?|werkzoekenden|mantelzorgers?"
                                + "|reizigers?|nieuwkomers?|statushouders?|zorgvragers?|hulpvragers?"),
                // The team's own people: usually the ones who do the work, sometimes the group a goal is for.
                rule(
                        Kind.STAFF,
                        "docenten|docent|leraren|leraar|leerkrachten|leerkracht|mentoren|mentor|\\p{L}*medewerkers?"
                                + "|collega'?s|collega|verpleegkundigen?|verzorgenden?|begeleiders?|artsen|arts|personeel|teamleden"
                                + "|teamleiders?|teams?|managers?|leidinggevenden?|iedereen|servicedesk|helpdesk"),
                // Slogans block the subject rule: "onze klanten staan centraal" names a group but not what changes for
                // it.
                rule(
                        Kind.SLOGAN,
                        "sta(?:an|at)\\s+(?:centraal|voorop)|op\\s+(?:één|1)|verdien(?:en|t)\\s+het\\s+beste"
                                + "|(?:zijn|is)\\s+(?:belangrijk|het\\s+belangrijkst)|excellent|excellentie"),
                rule(
                        Kind.VALUE,
                        "vertrouwen|veiligheid|respect|waardigheid|autonomie|zelfstandigheid|eigenaarschap"
                                + "|verantwoordelijkheid|gelijkwaardigheid|kansengelijkheid|rechtvaardigheid|eerlijkheid|openheid"
                                + "|transparantie|nieuwsgierigheid|vakmanschap|welzijn|welbevinden|verbondenheid|betrokkenheid|moed"
                                + "|modern\\s+onderwijs"),
                // Any number left over is a count. Last, so dates, percentages and time limits keep theirs.
                rule(Kind.PERCENTAGE_OR_COUNT, "€\\s?\\d[\\d.,]*|\\d+(?:[.,]\\d+)*"));
    }

    /** "90% van de ouders", "de helft van onze klanten": the number quantifies the group, so the number is the goal. */
    private static Pattern quantityLink() {
        return Pattern.compile("\\s*(?:van\\s+)?(?:(?:alle|de|het|onze|hun|deze|die)\\s+)*", Pattern.CASE_INSENSITIVE);
    }

    /** "Onze", "Alle nieuwe", "Oudere": words that may stand before a group that is the subject of the statement. */
    private static Pattern subjectLeadIn() {
        return Pattern.compile(
                "\\s*(?:(?:onze|alle|elke|iedere|ieder|de|het|nieuwe|oudere|jonge|kwetsbare|deze|meer|minder"
                        + "|veel|meeste|zieke|toekomstige|eerstejaars)\\s+)*",
                Pattern.CASE_INSENSITIVE);
    }

    private static Map<FollowUp, String> questions() {
        Map<FollowUp, String> q = new EnumMap<>(FollowUp.class);
        q.put(
                FollowUp.ASK_GOAL,
                "Waar werkt je team naartoe? Zeg het doel in een of twee zinnen, in je eigen woorden.");
        q.put(FollowUp.FOR_WHOM, "Voor wie doe je dit? Wie moet het verschil merken?");
        q.put(FollowUp.WHAT_CHANGES, "Wat is er anders voor {group} als dit lukt?");
        q.put(
                FollowUp.NUMBER_STANDS_FOR,
                "Dit getal kan een prima indicator zijn, maar voor welk resultaat staat het?"
                        + " Wat merken mensen als je het haalt?");
        q.put(
                FollowUp.BY_THEN,
                "Wat moet er op die datum waar zijn voor de mensen voor wie je werkt, dat nu nog niet zo is?");
        q.put(FollowUp.AFTER_TRAINING, "Wat doen mensen na de training anders, en wie merkt daar iets van?");
        q.put(FollowUp.TOOL_SOLVES, "Welk probleem lost dit hulpmiddel op, en voor wie?");
        q.put(FollowUp.ONCE_IN_PLACE, "Wat wordt er mogelijk als dit eenmaal staat, en voor wie?");
        q.put(
                FollowUp.SAVING_IS_A_LIMIT,
                "Een besparing begrenst de middelen; het is zelf geen doel."
                        + " Wat wil je binnen die grens bereiken, en voor wie?");
        q.put(
                FollowUp.VALUE_BEHIND,
                "Welke waarde zit achter dit doel? Denk aan vertrouwen, zelfstandigheid of veiligheid.");
        q.put(FollowUp.VALUE_IN_PRACTICE, "Je noemt {value}. Waaraan zie je dat in het dagelijkse werk?");
        q.put(
                FollowUp.SIGNS,
                "Waaraan merk je dat het gebeurt? Noem een of twee signalen die je team zelf kiest, en waarom die.");
        q.put(
                FollowUp.OWN_INDICATOR,
                "Is het getal in dit doel een indicator die je team zelf koos? Wat vertelt het je?");
        q.put(
                FollowUp.LIMITS,
                "Wat moet onderweg worden voorkomen, bijvoorbeeld een budgetplafond of een gedeelde afspraak?");
        q.put(FollowUp.MAKE_CONCRETE, "Stel dat het doel bereikt is: wat zou iemand dan zien gebeuren in jullie werk?");
        return q;
    }
}
