package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is who. Core knows a person by their Microsoft Entra object id, which stays the same across
 * bots and chats; the Bot Connector addresses them by a bot-specific 29:... id. Mentions carry only
 * the latter, so they are resolved here: from the entity, from what was stored, or by asking the
 * connector. Thread-safe.
 */
final class People {
    private static final Logger LOG = LoggerFactory.getLogger(People.class);

    private final TeamsStore store;
    private final Connector connector;

    People(TeamsStore store, Connector connector) {
        this.store = store;
        this.connector = connector;
    }

    /** Stores what an incoming activity says about its sender, so they can be reached later. */
    void remember(Tenant tenant, ChannelAccount account, String serviceUrl, String personalConversationId) {
        if (account == null || account.getId() == null || account.getAadObjectId() == null || isBot(account)) {
            return;
        }
        store.saveUser(
                tenant,
                account.getAadObjectId(),
                account.getId(),
                blankToNull(account.getName()),
                serviceUrl,
                personalConversationId);
    }

    /**
     * The sender's time zone as their Teams client reports it: the activity's {@code localTimezone} (an IANA name,
     * Bot Framework Activity schema), else the {@code timezone} of a {@code clientInfo} entity; null when neither
     * names a zone Java knows.
     */
    static ZoneId timeZone(Activity activity) {
        String zone = activity.getLocalTimezone();
        if (zone == null && activity.getEntities() != null) {
            for (Entity entity : activity.getEntities()) {
                JsonNode tz = "clientInfo".equals(entity.getType()) && entity.getProperties() != null
                        ? entity.getProperties().get("timezone")
                        : null;
                if (tz != null && tz.isTextual()) {
                    zone = tz.asText();
                }
            }
        }
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            LOG.info("a Teams client reported a time zone Java does not know: {}", zone);
            return null;
        }
    }

    /**
     * The object id of a mentioned person. With {@code askConnector}, an unknown person is looked up
     * as a member of {@code conversationId}; empty when nobody can tell.
     */
    Optional<String> objectId(
            Tenant tenant, ChannelAccount account, String serviceUrl, String conversationId, boolean askConnector) {
        if (account == null || account.getId() == null) {
            return Optional.empty();
        }
        if (account.getAadObjectId() != null && !account.getAadObjectId().isBlank()) {
            return Optional.of(account.getAadObjectId());
        }
        Optional<String> known =
                store.userByConnectorId(tenant, account.getId()).map(TeamsStore.User::aadObjectId);
        if (known.isPresent() || !askConnector) {
            return known;
        }
        try {
            ChannelAccount member = connector.member(serviceUrl, conversationId, account.getId());
            if (member == null || member.getAadObjectId() == null) {
                return Optional.empty();
            }
            store.saveUser(
                    tenant,
                    member.getAadObjectId(),
                    account.getId(),
                    blankToNull(member.getName() != null ? member.getName() : account.getName()),
                    serviceUrl,
                    null);
            return Optional.of(member.getAadObjectId());
        } catch (ChatPlatformException e) {
            LOG.warn("could not resolve a mentioned Teams user: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static boolean isBot(ChannelAccount account) {
        return account.getId() != null && account.getId().startsWith("28:");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
