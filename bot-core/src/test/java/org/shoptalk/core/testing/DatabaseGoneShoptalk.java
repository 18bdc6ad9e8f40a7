package org.shoptalk.core.testing;

import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.db.Database;

/**
 * Core during an outage: every call reaches for the database, as core's do, and the database is gone (its
 * pool closed), so each fails the way core fails then. For adapter tests that tell an outage from bad input.
 */
public final class DatabaseGoneShoptalk implements Shoptalk, AutoCloseable {
    private final Database database;

    public DatabaseGoneShoptalk() {
        this.database = Database.start(TestDatabases.h2());
        database.close();
    }

    @Override
    public CommandReply command(CommandRequest request) {
        database.withHandle(h -> h.count("SELECT 1"));
        throw new AssertionError("the database was expected to be gone");
    }

    /** As core does when the database is gone: the guild's language cannot be known, so English. */
    @Override
    public CommandReply trouble(CommandRequest request) {
        return CommandReply.trouble(org.shoptalk.core.i18n.Language.EN);
    }

    @Override
    public ChatMessage noPrivateChat(CommandRequest request) {
        return CommandReply.noPrivateChat(org.shoptalk.core.i18n.Language.EN);
    }

    @Override
    public CommandReply submit(CommandRequest where, String formId, java.util.Map<String, String> values) {
        return command(where);
    }

    @Override
    public void onEvent(ChatEvent event) {
        database.useTransaction(h -> h.count("SELECT 1"));
    }

    @Override
    public void timeZoneReported(UserRef user, java.time.ZoneId zone) {
        database.useTransaction(h -> h.count("SELECT 1"));
    }

    @Override
    public boolean firstDelivery(Tenant tenant, String deliveryId) {
        return database.withHandle(h -> h.count("SELECT 1")) > 0;
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public ChatMessage home(UserRef user, String localeHint) {
        database.withHandle(h -> h.count("SELECT 1"));
        throw new AssertionError("the database was expected to be gone");
    }

    @Override
    public ChatMessage greeting(Tenant tenant, ChannelRef channel, String localeHint) {
        database.withHandle(h -> h.count("SELECT 1"));
        throw new AssertionError("the database was expected to be gone");
    }
}
