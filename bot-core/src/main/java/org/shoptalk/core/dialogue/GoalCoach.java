package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.schedule.MomentCalendar;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;

/**
 * The goal coach: a private conversation, one question at a time, that turns a team's goal into a result
 * for the people it serves (pillar 1), with a value behind it, indicators the team chose itself, limits on
 * means rather than prescribed means (pillar 2), and a date to look back together (pillar 3). Each step is
 * stored, so the conversation survives a restart; "stop" ends it, and two quiet hours close it politely.
 * Thread-safe.
 */
public final class GoalCoach {
    static final String KIND = "goal";
    public static final Duration IDLE_LIMIT = Duration.ofHours(2);
    static final LocalTime REVIEW_TIME = LocalTime.of(9, 30);
    private static final int MAX_ANSWER = 1000;
    private static final String[] KEYS = {"goal", "forWhom", "value", "indicators", "limits", "reviewOn"};

    private final Database db;
    private final GuildStore guilds;
    private final ConversationStore conversations;
    private final GoalStore goals;
    private final GoalAdvisor advisor;
    private final TaskPlanner planner;
    private final Clock clock;

    public GoalCoach(
            Database db,
            GuildStore guilds,
            ConversationStore conversations,
            GoalStore goals,
            GoalAdvisor advisor,
            TaskPlanner planner,
            Clock clock) {
        this.db = db;
        this.guilds = guilds;
        this.conversations = conversations;
        this.goals = goals;
        this.advisor = advisor;
        this.planner = planner;
        this.clock = clock;
    }

    /** Starts (or restarts) the conversation for this guild and returns the first question. */
    public ChatMessage start(Guild guild, UserRef user) {
        db.useTransaction(h -> conversations.save(
                h, user, new ConversationStore.Conversation(KIND, guild.id(), 0, Map.of(), clock.instant())));
        return ChatMessage.text(t(guild.language(), "coach.start", guild.name()));
    }

    /** Takes the person's next message if a conversation is going on; empty otherwise. */
    public Optional<ChatMessage> continueWith(UserRef user, String text) {
        Instant now = clock.instant();
        return db.inTransaction(h -> conversations.find(h, user).flatMap(c -> {
            Optional<Guild> guild = guilds.findForTask(h, c.guildId());
            if (guild.isEmpty()) {
                conversations.end(h, user);
                return Optional.empty();
            }
            Language lang = guild.get().language();
            String answer = text == null ? "" : text.strip();
            if (Duration.between(c.updatedAt(), now).compareTo(IDLE_LIMIT) > 0) {
                conversations.end(h, user);
                return Optional.of(ChatMessage.text(t(lang, "coach.timeout")));
            }
            if (answer.equalsIgnoreCase("stop")) {
                conversations.end(h, user);
                return Optional.of(ChatMessage.text(t(lang, "coach.stopped")));
            }
            if (answer.isEmpty()) {
                return Optional.of(ChatMessage.text(t(lang, "coach.empty")));
            }
            if (answer.length() > MAX_ANSWER) {
                return Optional.of(ChatMessage.text(t(lang, "coach.long", MAX_ANSWER)));
            }
            return Optional.of(step(h, guild.get(), user, c, answer, now));
        }));
    }

    private ChatMessage step(
            org.shoptalk.core.db.Handle h,
            Guild guild,
            UserRef user,
            ConversationStore.Conversation c,
            String answer,
            Instant now) {
        Language lang = guild.language();
        int step = c.step();
        if (step == 0) {
            GoalAdvisor.Advice advice = advisor.advise(answer, lang);
            conversations.save(h, user, c.next(1, KEYS[0], answer, now).next(1, "verdict", advice.verdict(), now));
            return analysis(lang, advice);
        }
        if (step < 5) {
            conversations.save(h, user, c.next(step + 1, KEYS[step], answer, now));
            return ChatMessage.text(t(lang, "coach.ask." + KEYS[step + 1]));
        }
        LocalDate reviewOn;
        try {
            reviewOn = LocalDate.parse(answer);
        } catch (DateTimeParseException e) {
            return ChatMessage.text(t(lang, "coach.bad.date", answer));
        }
        LocalDate today = now.atZone(guild.zone()).toLocalDate();
        if (!reviewOn.isAfter(today) || reviewOn.isAfter(today.plusYears(2))) {
            return ChatMessage.text(t(lang, "coach.bad.date", answer));
        }
        Map<String, String> d = c.data();
        Goal goal = new Goal(
                0,
                guild.id(),
                d.get("goal"),
                d.getOrDefault("verdict", "UNCLEAR"),
                d.get("forWhom"),
                d.get("value"),
                d.get("indicators"),
                d.get("limits"),
                reviewOn,
                now);
        long id = goals.add(h, guild, goal, user, now);
        conversations.end(h, user);
        Instant at = MomentCalendar.resolve(reviewOn, REVIEW_TIME, guild.zone()).toInstant();
        planner.plan(new Task.Review(id), at);
        return ChatMessage.builder()
                .text(t(lang, "coach.saved", id, guild.name(), reviewOn, REVIEW_TIME))
                .quote(goal.statement(), null)
                .context(t(lang, "coach.summary", goal.forWhom(), goal.valueBehind(), goal.indicators(), goal.limits()))
                .build();
    }

    private static ChatMessage analysis(Language lang, GoalAdvisor.Advice advice) {
        ChatMessage.Builder b = ChatMessage.builder();
        String verdictKey = "coach.verdict." + advice.verdict().toLowerCase(java.util.Locale.ROOT);
        b.text(t(lang, verdictKey, advice.targetGroup() == null ? "" : advice.targetGroup()));
        if (!advice.markers().isEmpty()) {
            b.context(t(lang, "coach.markers", String.join(", ", advice.markers())));
        }
        advice.followUps().forEach(q -> b.text("- " + q));
        return b.text(t(lang, "coach.ask.forWhom")).build();
    }

    private static String t(Language lang, String key, Object... args) {
        return Texts.get().t(lang, key, args);
    }
}
