package org.shoptalk.core.command;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Dutch command words, accepted beside the English ones (issue 12: a Dutch guild types {@code hulp},
 * {@code pauzeer 3 tot 2026-12-01}, {@code schedule ma,wo 09:30 elke 2 weken thema dialoog}). Only keywords are
 * mapped, never names or texts people give; Dutch day names are {@link org.shoptalk.core.schedule.DaySpec}'s and
 * Dutch theme names {@link org.shoptalk.core.prompt.Theme}'s. Stateless.
 */
final class Keywords {
    private static final Map<String, String> DUTCH = Map.ofEntries(
            // Command words (issue 12): every command and sub-command has a Dutch word; KeywordsTest checks that no
            // two mean different things and that none is another command's English word.
            Map.entry("hulp", "help"),
            Map.entry("gilde", "guild"),
            Map.entry("start", "create"),
            Map.entry("meedoen", "join"),
            Map.entry("verlaten", "leave"),
            Map.entry("volgende", "next"),
            Map.entry("trekker", "lead"),
            Map.entry("kanaal", "channel"),
            Map.entry("plan", "schedule"),
            Map.entry("op", "at"),
            Map.entry("rooster", "schedules"),
            Map.entry("schrap", "unschedule"),
            Map.entry("overzicht", "digest"),
            Map.entry("vragen", "prompts"),
            Map.entry("vraag", "prompt"),
            Map.entry("verbind", "connect"),
            Map.entry("doel", "goal"),
            Map.entry("doelen", "goals"),
            Map.entry("anoniem", "anon"),
            Map.entry("koppels", "pairs"),
            Map.entry("gelegenheid", "occasion"),
            Map.entry("reeks", "series"),
            // the occasions (dialogue/Occasion)
            Map.entry("projectstart", "kickoff"),
            Map.entry("afronding", "close"),
            Map.entry("jaargesprek", "review"),
            Map.entry("herregistratie", "recert"),
            Map.entry("rol", "role"),
            Map.entry("pauzeer", "pause"),
            Map.entry("hervat", "resume"),
            Map.entry("elke", "every"),
            Map.entry("weken", "weeks"),
            Map.entry("thema", "theme"),
            Map.entry("tot", "until"),
            Map.entry("taal", "lang"),
            Map.entry("tijdzone", "tz"),
            Map.entry("herinneringen", "reminders"),
            Map.entry("aan", "on"),
            Map.entry("uit", "off"),
            Map.entry("vergeet", "forget"),
            Map.entry("mij", "me"),
            Map.entry("bevestig", "confirm"),
            Map.entry("na", "after"),
            Map.entry("uur", "hours"),
            Map.entry("nooit", "never"),
            Map.entry("verwijder", "delete"),
            Map.entry("formulier", "form"),
            Map.entry("toevoegen", "add"),
            Map.entry("weghalen", "remove"),
            Map.entry("bewaartermijn", "retention"),
            Map.entry("maanden", "months"),
            Map.entry("maand", "month"),
            Map.entry("anonimiteit", "anonymity"),
            Map.entry("dossier", "record"),
            // a guild's own intervisie methods (docs/intervisie.md)
            Map.entry("methode", "method"),
            Map.entry("methodes", "methods"),
            Map.entry("delen", "share"),
            Map.entry("houden", "keep"),
            Map.entry("exporteer", "export"),
            Map.entry("tijd", "time"),
            // A respectful rhythm (docs/rhythm.md): "rusttijden", and Teams' Dutch "stille uren", are quiet hours.
            Map.entry("rusttijden", "quiet"),
            Map.entry("stille", "quiet"),
            Map.entry("uren", "hours"),
            Map.entry("standaard", "default"),
            Map.entry("licht", "light"),
            Map.entry("normaal", "normal"),
            Map.entry("gesproken", "met"),
            Map.entry("overslaan", "skip"));

    private Keywords() {}

    /** Every Dutch word with the English keyword it stands for; for tests that check the words do not clash. */
    static Map<String, String> dutch() {
        return DUTCH;
    }

    /** The English keyword for a lower-cased word; the word itself when it is not a Dutch keyword. */
    static String english(String word) {
        return word == null ? null : DUTCH.getOrDefault(word, word);
    }

    /** A regular-expression alternation of an English keyword and its Dutch words: {@code (?:add|toevoegen)}. */
    static String anyForm(String english) {
        StringBuilder forms = new StringBuilder(Pattern.quote(english));
        DUTCH.entrySet().stream()
                .filter(e -> e.getValue().equals(english))
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(dutch -> forms.append('|').append(Pattern.quote(dutch)));
        return "(?:" + forms + ")";
    }
}
