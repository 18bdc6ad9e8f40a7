package org.shoptalk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.DeliveryStore;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.RateLimits;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandHandler;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.command.ContentCommands;
import org.shoptalk.core.command.DialogueCommands;
import org.shoptalk.core.command.GuildCommands;
import org.shoptalk.core.command.IntervisieCommands;
import org.shoptalk.core.command.PersonCommands;
import org.shoptalk.core.command.RecordCommands;
import org.shoptalk.core.command.ScheduleCommands;
import org.shoptalk.core.command.SeriesCommands;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.AnonymousAnswers;
import org.shoptalk.core.dialogue.ConnectNudge;
import org.shoptalk.core.dialogue.ConversationStore;
import org.shoptalk.core.dialogue.DialogueTasks;
import org.shoptalk.core.dialogue.GoalAdvisor;
import org.shoptalk.core.dialogue.GoalCoach;
import org.shoptalk.core.dialogue.GoalReviews;
import org.shoptalk.core.dialogue.GoalStore;
import org.shoptalk.core.dialogue.PairCheckIns;
import org.shoptalk.core.dialogue.Pairing;
import org.shoptalk.core.dialogue.Pseudonyms;
import org.shoptalk.core.digest.DigestBuilder;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.digest.DigestLinks;
import org.shoptalk.core.digest.DigestService;
import org.shoptalk.core.goal.GoalAnalysis;
import org.shoptalk.core.goal.GoalAnalyzer;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Leads;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.intervisie.MethodLibrary;
import org.shoptalk.core.privacy.Forgetting;
import org.shoptalk.core.prompt.CustomPromptStore;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.prompt.PromptRotation;
import org.shoptalk.core.record.RecordLinks;
import org.shoptalk.core.record.RecordPage;
import org.shoptalk.core.record.RecordTokens;
import org.shoptalk.core.record.Records;
import org.shoptalk.core.reminder.ReminderService;
import org.shoptalk.core.reminder.Rhythms;
import org.shoptalk.core.retention.Retention;
import org.shoptalk.core.round.AnswerRecorder;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.RoundService;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.schedule.ScheduleStore;
import org.shoptalk.core.task.Housekeeping;
import org.shoptalk.core.task.RoundFollowUps;
import org.shoptalk.core.task.Run;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.shoptalk.core.task.TaskRuns;
import org.shoptalk.core.task.TaskScheduler;
import org.shoptalk.core.web.Route;

/**
 * Assembles core: stores, services, the Quartz scheduler, built once and in order into final fields. The app creates
 * it, registers the chat platforms it runs, then starts it. Thread-safe.
 */
public final class ShoptalkCore implements AutoCloseable, Shoptalk {
    private final Database database;
    private final Clock clock;
    private final Platforms platforms = new Platforms();
    private final CommandHandler commands;
    private final AnswerRecorder answers;
    private final DigestService digests;
    private final DigestHistory history;
    private final TaskPlanner planner;
    private final Housekeeping housekeeping;
    private final Intervisies intervisies;
    private final Records records;
    private final Rhythms rhythms;
    /** Where record exports can be fetched; none until the app serves them ({@link #useRecordLinks}). */
    private final AtomicReference<RecordLinks> recordLinks = new AtomicReference<>(RecordLinks.NONE);
    /** Plans what should be planned and is not: at start and in the daily housekeeping. */
    private final Runnable repairPlans;

    private final DeliveryStore deliveries = new DeliveryStore();
    private final TaskScheduler scheduler;
    /** What fires planned tasks; the scheduler gets it at {@link #start()}. */
    private final TaskRuns runs;

    private ShoptalkCore(Database database, CoreSettings settings, Clock clock) {
        this.database = Objects.requireNonNull(database);
        Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        GuildStore guilds = new GuildStore();
        ScheduleStore schedules = new ScheduleStore(guilds);
        RoundStore rounds = new RoundStore();
        AnswerStore answerStore = new AnswerStore();
        PromptLibrary library = PromptLibrary.builtIn();
        CustomPromptStore custom = new CustomPromptStore();
        PromptRotation rotation = new PromptRotation(library, custom, guilds);
        Pseudonyms pseudonyms = Pseudonyms.load(database, settings.secret(), clock);
        this.rhythms = new Rhythms(platforms, database, clock);
        RateLimits limits = new RateLimits();
        Leads leads = new Leads(database, platforms, guilds);
        this.digests = new DigestService(
                database,
                platforms,
                guilds,
                new DigestBuilder(rounds, answerStore, schedules, new GoalStore()),
                clock,
                limits,
                leads);
        this.history = new DigestHistory(database, guilds, rounds, answerStore, DigestHistory.displayNames(platforms));
        // Built once, in order: the scheduler plans from the start and fires only once started with the runs below,
        // which are built last, so nothing here needs a back reference.
        this.scheduler = new TaskScheduler(
                database,
                settings.clustered(),
                settings.instanceId(),
                schedulerThreads(),
                settings.missedMomentGrace());
        RoundFollowUps followUps = new RoundFollowUps(database, scheduler, settings.reminderBeforeClose(), clock);
        RoundService roundService = new RoundService(
                database, platforms, guilds, rounds, rotation, settings.roundOpen(), clock, limits, leads, followUps);
        this.planner = new TaskPlanner(
                database,
                guilds,
                schedules,
                roundService,
                digests,
                settings.missedMomentGrace(),
                clock,
                library,
                scheduler);
        ReminderService reminders = new ReminderService(
                database,
                platforms,
                guilds,
                rounds,
                answerStore,
                clock,
                library,
                pseudonyms,
                rhythms,
                planner,
                settings.reminderBeforeClose());
        DialogueTasks connect = new DialogueTasks(
                database,
                guilds,
                rounds,
                new ConnectNudge(database, platforms, guilds, rounds, answerStore, pseudonyms, clock),
                planner,
                clock);
        GoalStore goals = new GoalStore();
        GoalCoach coach =
                new GoalCoach(database, guilds, new ConversationStore(), goals, rulesAdvisor(), planner, clock);
        AnonymousAnswers anonymous = new AnonymousAnswers(database, platforms, rounds, answerStore, pseudonyms, clock);
        PairCheckIns checkIns = new PairCheckIns(database, platforms, guilds, rhythms, planner, clock);
        Pairing pairing = new Pairing(database, platforms, guilds, library, planner, clock, checkIns);
        this.intervisies =
                new Intervisies(database, platforms, guilds, MethodLibrary.builtIn(), rhythms, planner, clock);
        this.repairPlans = () -> {
            planner.reconcile();
            followUps.repair();
            pairing.reconcile();
            intervisies.reconcile();
        };
        this.housekeeping = new Housekeeping(
                database, deliveries, clock, repairPlans, scheduler, new Retention(database, platforms, guilds, clock));
        this.runs = new TaskRuns(
                new ScheduledWork(
                        planner,
                        reminders,
                        connect,
                        pairing,
                        new GoalReviews(database, guilds, goals, roundService),
                        housekeeping,
                        intervisies,
                        checkIns,
                        followUps),
                scheduler,
                clock);
        this.answers = new AnswerRecorder(database, rounds, answerStore);
        this.records = new Records(database, library, MethodLibrary.builtIn(), pseudonyms);
        this.commands = new CommandHandler(
                database,
                guilds,
                platforms,
                new CommandHandler.Features(
                        new GuildCommands(database, guilds, planner, clock),
                        new ScheduleCommands(database, guilds, schedules, planner, clock),
                        new ContentCommands(database, library, custom, rotation, roundService, digests, planner, clock),
                        new PersonCommands(
                                database,
                                guilds,
                                rhythms,
                                new Forgetting(pseudonyms, guilds, rounds, answerStore, schedules, custom),
                                platforms,
                                clock),
                        new DialogueCommands(database, guilds, platforms, coach, goals, anonymous, pairing, checkIns),
                        new SeriesCommands(database, guilds, schedules, planner, clock),
                        coach::continueWith,
                        new IntervisieCommands(database, guilds, intervisies),
                        new RecordCommands(this.records, recordLinks::get, intervisies, clock, database, rhythms)));
    }

    /**
     * Tasks run at once: a moment mostly waits on the platform and the database, so two per core, at least four,
     * and at most eight, which leaves connections in the default pool of ten for requests (docs/production.md).
     */
    static int schedulerThreads() {
        return Math.min(8, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Reads the data core ships with (the built-in prompts, the intervisie methods, the goal analyzer's vocabularies)
     * and keeps it for every core this process creates. {@link #create} does it when nobody did before; the app calls
     * it on its second thread while the database opens and migrates, which need no such data (issue 13: start to
     * /readyz within 3 s). Thread-safe.
     */
    public static void loadBuiltIns() {
        PromptLibrary.builtIn();
        MethodLibrary.builtIn();
        rulesAdvisor();
    }

    /** The goal coach reads goals with the transparent rule-based analyzer, immutable and shared. */
    private static GoalAdvisor rulesAdvisor() {
        return RulesAdvisor.SHARED;
    }

    /** Made once per process, when first asked for (the JVM's class initialisation is the lock). */
    private static final class RulesAdvisor {
        static final GoalAdvisor SHARED = newRulesAdvisor();
    }

    private static GoalAdvisor newRulesAdvisor() {
        GoalAnalyzer analyzer = new GoalAnalyzer();
        return (goal, language) -> {
            GoalAnalysis a = analyzer.analyze(goal, language);
            return new GoalAdvisor.Advice(
                    a.verdict().name(),
                    a.targetGroup(),
                    a.markers().stream().map(m -> m.text()).distinct().toList(),
                    a.followUps());
        };
    }

    public static ShoptalkCore create(Database database, CoreSettings settings, Clock clock) {
        return new ShoptalkCore(database, settings, clock);
    }

    public void register(ChatPlatform platform) {
        platforms.register(platform);
    }

    /** Posted digests link to their web page through {@code links}; without this call they carry no link. */
    public void useDigestLinks(DigestLinks links) {
        digests.useLinks(links);
    }

    /** How far core's clock may be from the system clock when the scheduler starts. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    /**
     * Repairs missing plans and starts firing moments, digests and reminders.
     *
     * @throws IllegalStateException when core's clock is more than {@link #CLOCK_TOLERANCE} away from the
     *         system clock: Quartz fires on the system clock, and every plan core makes is an instant on its
     *         own clock, so the two must agree or moments fire at the wrong time (a test that fixes core's
     *         clock in some week would see Quartz fire every later occurrence at once, or never)
     */
    /**
     * Offers record exports as signed links under {@code baseUrl} (asked for on each link; null: none yet) and
     * returns the route that serves them, for the app to mount next to the digest page (docs/record.md).
     */
    public Route useRecordLinks(Supplier<String> baseUrl, RecordTokens tokens) {
        recordLinks.set(new RecordLinks(baseUrl, tokens, clock));
        return new RecordPage(records, tokens).route();
    }

    public void start() {
        Instant system = Instant.now();
        Instant core = clock.instant();
        if (Duration.between(core, system).abs().compareTo(CLOCK_TOLERANCE) > 0) {
            throw new IllegalStateException(
                    "core's clock says " + core + " but the system clock that Quartz fires on says " + system
                            + ": the scheduler only runs on the system clock");
        }
        repairPlans.run();
        housekeeping.ensurePlanned();
        scheduler.start(runs);
    }

    public boolean schedulerStarted() {
        return scheduler.isStarted();
    }

    /** The inbound side that adapters call. */
    public Shoptalk shoptalk() {
        return this;
    }

    @Override
    public CommandReply command(CommandRequest request) {
        return commands.handle(request);
    }

    @Override
    public CommandReply trouble(CommandRequest request) {
        return CommandReply.trouble(commands.languageOrEnglish(request));
    }

    @Override
    public ChatMessage noPrivateChat(CommandRequest request) {
        return CommandReply.noPrivateChat(commands.languageOrEnglish(request));
    }

    @Override
    public ChatMessage home(UserRef user, String localeHint) {
        return commands.home().home(user, localeHint);
    }

    @Override
    public ChatMessage greeting(Tenant tenant, ChannelRef channel, String localeHint) {
        return commands.home().greeting(tenant, channel, localeHint);
    }

    @Override
    public CommandReply submit(CommandRequest where, String formId, Map<String, String> values) {
        return commands.submit(where, formId, values);
    }

    @Override
    public void timeZoneReported(UserRef user, ZoneId zone) {
        rhythms.zoneReported(user, zone);
    }

    @Override
    public void onEvent(ChatEvent event) {
        answers.apply(event);
        intervisies.onEvent(event);
    }

    @Override
    public boolean firstDelivery(Tenant tenant, String deliveryId) {
        return database.withHandle(h -> recordDelivery(h, tenant, deliveryId));
    }

    @Override
    public boolean onDelivery(Tenant tenant, String deliveryId, ChatEvent event) {
        // What an intervisie says in reply is said after the commit, so it never speaks for a rolled-back event.
        Runnable afterwards = database.inTransaction(h -> deliver(h, tenant, deliveryId, event));
        if (afterwards == null) {
            return false;
        }
        afterwards.run();
        return true;
    }

    /** Applies a delivery in the caller's transaction; what to run after the commit, or null for one seen before. */
    private Runnable deliver(org.shoptalk.core.db.Handle h, Tenant tenant, String deliveryId, ChatEvent event) {
        // The delivery id is recorded for every event, answers too: an answer's own key would make a re-delivery
        // of a stored answer change nothing, but not of one its author has deleted since (a hard delete), and
        // Slack retries a delivery whose ack came late minutes afterwards, which would bring deleted words back.
        if (!recordDelivery(h, tenant, deliveryId)) {
            return null;
        }
        return switch (answers.answerInRoundThread(h, event)) {
            // An intervisie has a thread of its own, so an answer in a round's thread need not look (issue 13).
            case STORED -> ShoptalkCore::nothingAfterwards;
            // The same message under another delivery id: kept once, by the answer's own key.
            case STORED_BEFORE -> null;
            case NO -> {
                answers.applyEditOrDelete(h, event);
                yield intervisies.record(h, event);
            }
        };
    }

    private static void nothingAfterwards() {}

    private boolean recordDelivery(org.shoptalk.core.db.Handle h, Tenant tenant, String deliveryId) {
        return deliveries.record(h, tenant, deliveryId, clock.instant());
    }

    /**
     * Runs a planned task at once, as the scheduler would at its time, outcome handling included (waits and
     * retries planned, the last failure reported): for tools and tests that move time by hand rather than
     * waiting for Quartz.
     */
    public void runTask(Task task, Instant occurrence) {
        runs.fire(task, Run.first(occurrence));
    }

    /**
     * Runs a task again as the scheduler does when the instance running it died mid-run: what that run
     * claimed and did not finish is taken over. For tests that stop a run half-way by hand.
     */
    public void recoverTask(Task task, Instant occurrence) {
        runs.fire(task, Run.recovery(occurrence));
    }

    /** Runs a later attempt of a task's occurrence, as a planned retry does: for tests of retries. */
    public void retryTask(Task task, Instant occurrence, int attempt) {
        runs.fire(task, new Run(occurrence, attempt, true));
    }

    public Database database() {
        return database;
    }

    /** Guilds' digest history for web pages and exports, with people named as their platform shows them. */
    public DigestHistory digestHistory() {
        return history;
    }

    /** Stops the scheduler, letting running tasks finish. The database stays open: it belongs to the caller. */
    @Override
    public void close() {
        scheduler.stop(true);
    }
}
