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
    private final TeamsPlatform platform;

    Installs(Shoptalk shoptalk, TeamsStore store, Connector connector, Commands commands, TeamsPlatform platform) {
        this.shoptalk = shoptalk;
        this.store = store;
        this.connector = connector;
        this.commands = commands;
        this.platform = platform;
    }

    void onConversationUpdate(Activity activity, TeamsInbound.Origin origin, TeamsChannelData data) {
        boolean botAdded = contains(activity.getMembersAdded(), activity);
        if ("personal".equals(activity.getConversation().getConversationType())) {
            if (botAdded) {
                greetIfLocaleKnown(activity, origin);
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
                    greetIfLocaleKnown(activity, origin);
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
        String action = Objects.requireNonNullElse(activity.getAction(), "");
        TeamInfo team = data == null ? null : data.getTeam();
        if (team == null || team.getId() == null) {
            if (action.startsWith("add")) {
                greet(activity, origin);
            }
            return;
        }
        if (action.startsWith("add")) {
            install(origin, team);
            greet(activity, origin);
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

    /**
     * Teams sends no locale with the conversationUpdate of an install (microsoft/botbuilder-js#4042), but does with
     * the installationUpdate it sends beside it: a greeting from a conversationUpdate without one would be English
     * for everyone, so it is left to the installationUpdate.
     */
    private void greetIfLocaleKnown(Activity activity, TeamsInbound.Origin origin) {
        if (activity.getLocale() != null && !activity.getLocale().isBlank()) {
            greet(activity, origin);
        }
    }

    /**
     * Core's greeting (one next step) where the bot was just added, in the guild's language there, else the
     * activity's locale. Teams sends both an installationUpdate and a conversationUpdate for one install, and may
     * redeliver either: one greeting per conversation, ever.
     */
    private void greet(Activity activity, TeamsInbound.Origin origin) {
        if (installer(activity).isEmpty()
                || !shoptalk.firstDelivery(
                        origin.tenant(), "welcome:" + TeamsIds.deliveryId(origin.conversationId(), "greeting"))) {
            return;
        }
        String locale = activity.getLocale();
        commands.background(() -> platform.reply(
                origin.tenant(),
                origin.serviceUrl(),
                origin.conversationId(),
                shoptalk.greeting(origin.tenant(), origin.channel(), locale)));
    }

    /** A person installed the bot; a bot (or the bot itself) adding it is no one to greet. */
    private static java.util.Optional<ChannelAccount> installer(Activity activity) {
        ChannelAccount from = activity.getFrom();
        if (from == null || from.getId() == null || People.isBot(from)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(from);
    }

    private static boolean contains(List<ChannelAccount> members, Activity activity) {
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return members != null && botId != null && members.stream().anyMatch(m -> botId.equals(m.getId()));
    }
}
