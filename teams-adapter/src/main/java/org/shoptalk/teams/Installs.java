package org.shoptalk.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.util.List;
import java.util.Objects;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.UserRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the address book current from install and team events: when the bot joins a team it stores
 * the team's connector address and channels (so rounds can be posted with no message to answer), and
 * it forgets nothing but marks what it can no longer reach. Thread-safe.
 */
final class Installs {
    private static final Logger LOG = LoggerFactory.getLogger(Installs.class);
    private static final String GENERAL = "General";

    private final Shoptalk shoptalk;
    private final TeamsStore store;
    private final Connector connector;
    private final Commands commands;

    Installs(Shoptalk shoptalk, TeamsStore store, Connector connector, Commands commands) {
        this.shoptalk = shoptalk;
        this.store = store;
        this.connector = connector;
        this.commands = commands;
    }

    void onConversationUpdate(Activity activity, TeamsInbound.Origin origin, TeamsChannelData data) {
        boolean botAdded = contains(activity.getMembersAdded(), activity);
        if ("personal".equals(activity.getConversation().getConversationType())) {
            if (botAdded && firstTime(activity, origin)) {
                installer(activity, origin).ifPresent(user -> commands.welcome(origin, user));
            }
            return;
        }
        TeamInfo team = data == null ? null : data.getTeam();
        if (team == null || team.getId() == null) {
            return;
        }
        String event = Objects.requireNonNullElse(data.getEventType(), "");
        ChannelInfo channel = data.getChannel();
        switch (event) {
            case "teamMemberAdded" -> {
                if (botAdded) {
                    install(origin, team);
                    if (firstTime(activity, origin)) {
                        installer(activity, origin).ifPresent(user -> commands.welcome(origin, user));
                    }
                }
            }
            case "teamMemberRemoved" -> {
                if (contains(activity.getMembersRemoved(), activity)) {
                    uninstall(origin, team);
                }
            }
            case "channelCreated", "channelRenamed", "channelRestored" -> {
                if (channel != null && channel.getId() != null) {
                    store.saveChannel(origin.tenant(), channel.getId(), team.getId(), channel.getName(), false);
                }
            }
            case "channelDeleted" -> {
                if (channel != null && channel.getId() != null) {
                    store.saveChannel(origin.tenant(), channel.getId(), team.getId(), channel.getName(), true);
                }
            }
            case "teamRenamed", "teamRestored", "teamUnarchived" ->
                store.saveTeam(
                        origin.tenant(), team.getId(), team.getAadGroupId(), team.getName(), origin.serviceUrl(), true);
            case "teamDeleted", "teamArchived", "teamHardDeleted" -> uninstall(origin, team);
            default -> LOG.debug("ignoring Teams conversation update {}", event);
        }
    }

    void onInstallationUpdate(Activity activity, TeamsInbound.Origin origin, TeamsChannelData data) {
        TeamInfo team = data == null ? null : data.getTeam();
        if (team == null || team.getId() == null) {
            return;
        }
        String action = Objects.requireNonNullElse(activity.getAction(), "");
        if (action.startsWith("add")) {
            install(origin, team);
        } else if (action.startsWith("remove")) {
            uninstall(origin, team);
        }
    }

    private void install(TeamsInbound.Origin origin, TeamInfo team) {
        store.saveTeam(origin.tenant(), team.getId(), team.getAadGroupId(), team.getName(), origin.serviceUrl(), true);
        // The General channel shares the team's id.
        store.saveChannel(origin.tenant(), team.getId(), team.getId(), GENERAL, false);
        commands.background(() -> learnChannels(origin, team.getId()));
        LOG.info(
                "Shoptalk installed in Teams team {} of tenant {}",
                team.getId(),
                origin.tenant().id());
    }

    private void uninstall(TeamsInbound.Origin origin, TeamInfo team) {
        store.saveTeam(origin.tenant(), team.getId(), team.getAadGroupId(), team.getName(), origin.serviceUrl(), false);
        LOG.info(
                "Shoptalk removed from Teams team {} of tenant {}",
                team.getId(),
                origin.tenant().id());
    }

    private void learnChannels(TeamsInbound.Origin origin, String teamId) {
        try {
            for (ChannelInfo channel : connector.channels(origin.serviceUrl(), teamId)) {
                if (channel.getId() != null) {
                    String name =
                            channel.getName() == null && channel.getId().equals(teamId) ? GENERAL : channel.getName();
                    store.saveChannel(origin.tenant(), channel.getId(), teamId, name, false);
                }
            }
        } catch (ChatPlatformException e) {
            LOG.warn("could not list the channels of Teams team {}: {}", teamId, e.getMessage());
        }
    }

    /** Teams may redeliver an install event; the welcome is posted once. */
    private boolean firstTime(Activity activity, TeamsInbound.Origin origin) {
        return shoptalk.firstDelivery(
                origin.tenant(),
                "welcome:"
                        + TeamsIds.deliveryId(
                                origin.conversationId(), Objects.requireNonNullElse(activity.getId(), "")));
    }

    private static java.util.Optional<UserRef> installer(Activity activity, TeamsInbound.Origin origin) {
        ChannelAccount from = activity.getFrom();
        if (from == null || from.getId() == null || People.isBot(from)) {
            return java.util.Optional.empty();
        }
        String id = from.getAadObjectId() != null ? from.getAadObjectId() : from.getId();
        return java.util.Optional.of(new UserRef(origin.tenant(), id));
    }

    private static boolean contains(List<ChannelAccount> members, Activity activity) {
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return members != null && botId != null && members.stream().anyMatch(m -> botId.equals(m.getId()));
    }
}
