package org.shoptalk.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;

/**
 * Stands in for core where a test is about an adapter or the HTTP layer only: records what it is handed,
 * takes each delivery id once, and answers commands as the test says (by default a private "ok: TEXT").
 * Thread-safe.
 */
public final class RecordingShoptalk implements Shoptalk {
    public final List<CommandRequest> commands = new CopyOnWriteArrayList<>();
    public final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    /** Time zones the adapter reported, in order: who and which zone. */
    public final List<java.util.Map.Entry<UserRef, java.time.ZoneId>> zones = new CopyOnWriteArrayList<>();

    private final Set<String> deliveries = ConcurrentHashMap.newKeySet();
    private volatile Function<CommandRequest, CommandReply> replies;
    private volatile RuntimeException eventFailure;

    public RecordingShoptalk(Function<CommandRequest, CommandReply> replies) {
        this.replies = replies;
    }

    public RecordingShoptalk() {
        this(r -> CommandReply.privately(ChatMessage.text("ok: " + r.text())));
    }

    /** Answers "ok: TEXT" for everyone in the channel, as a command meant for all would be. */
    public static RecordingShoptalk answeringInChannel() {
        return new RecordingShoptalk(r -> CommandReply.inChannel(ChatMessage.text("ok: " + r.text())));
    }

    public void answerWith(Function<CommandRequest, CommandReply> replies) {
        this.replies = replies;
    }

    @Override
    public void timeZoneReported(UserRef user, java.time.ZoneId zone) {
        zones.add(java.util.Map.entry(user, zone));
    }

    @Override
    public CommandReply command(CommandRequest request) {
        commands.add(request);
        return replies.apply(request);
    }

    /** As core does for a request it knows no guild for: in English. */
    @Override
    public CommandReply trouble(CommandRequest request) {
        return CommandReply.trouble(Language.EN);
    }

    @Override
    public ChatMessage noPrivateChat(CommandRequest request) {
        return CommandReply.noPrivateChat(Language.EN);
    }

    /**
     * Checks a form with core's own rules (in English) and, when it passes, answers its command as {@link #command}
     * does: the form comes back with errors otherwise. As core does, a form for one guild ({@code in:7 schedule})
     * runs its command for that guild, and a channel field names where it runs.
     */
    @Override
    public CommandReply submit(CommandRequest where, String formId, Map<String, String> values) {
        boolean withChannel = values.containsKey(ScheduleForm.CHANNEL);
        String picked = values.get(ScheduleForm.CHANNEL);
        org.shoptalk.core.chat.ChannelRef channel = withChannel && picked != null && !picked.isBlank()
                ? new org.shoptalk.core.chat.ChannelRef(where.user().tenant(), picked)
                : where.channel();
        String target = formId.startsWith("in:") ? formId.substring(0, formId.indexOf(' ') + 1) : "";
        ScheduleForm.Checked checked = ScheduleForm.check(values, Language.EN, withChannel);
        if (!checked.ok()) {
            return CommandReply.form(
                    ScheduleForm.form(Language.EN, withChannel).withErrors(values, checked.errors()),
                    ChatMessage.text(String.join("\n", checked.errors().values())));
        }
        return command(new CommandRequest(where.user(), channel, target + checked.command()));
    }

    @Override
    public void onEvent(ChatEvent event) {
        RuntimeException failure = eventFailure;
        if (failure != null) {
            throw failure;
        }
        events.add(event);
    }

    /** From now on every event fails with {@code failure} (null: none does), as core failing on it would. */
    public void failEventsWith(RuntimeException failure) {
        this.eventFailure = failure;
    }

    @Override
    public boolean firstDelivery(Tenant tenant, String deliveryId) {
        return deliveries.add(tenant.key() + "|" + deliveryId);
    }

    /** The Home answers as the command "schedules" would, recorded like a command. */
    @Override
    public ChatMessage home(UserRef user, String localeHint) {
        return command(new CommandRequest(user, null, "schedules")).message();
    }

    @Override
    public ChatMessage greeting(Tenant tenant, ChannelRef channel, String localeHint) {
        return ChatMessage.text("hello" + (localeHint == null ? "" : " " + localeHint));
    }
}
