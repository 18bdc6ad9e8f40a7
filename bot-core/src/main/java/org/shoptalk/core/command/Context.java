package org.shoptalk.core.command;

import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.Role;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * Who runs a command, where, and for which guild. {@code guild} is null when the command came from a
 * place that belongs to no guild; {@code role} is null for people who are not in the guild. {@code invocation} is
 * how people invoke commands on the requester's platform ({@link org.shoptalk.core.chat.ChatPlatform#invocation()}).
 */
record Context(CommandRequest request, Guild guild, Role role, Language language, String invocation) {

    Guild requireGuild(Syntax syntax) {
        if (guild == null) {
            throw new CommandException(syntax, request.channel() == null ? "error.no.guild.private" : "error.no.guild");
        }
        return guild;
    }

    Guild requireLead(Syntax syntax) {
        Guild g = requireGuild(syntax);
        if (role != Role.LEAD) {
            throw new CommandException("error.lead.only", g.name());
        }
        return g;
    }

    Guild requireMember(Syntax syntax) {
        Guild g = requireGuild(syntax);
        if (role == null) {
            throw new CommandException("error.member.only", g.name());
        }
        return g;
    }

    /**
     * The person a command names. On a platform that identifies people by id, a person only typed as {@code @carl}
     * is one the platform could not find, and is refused rather than stored as a phantom "carl" (issue 11); in the
     * local console the typed name is the person.
     */
    UserRef person(Person person, Syntax syntax) {
        Platform platform = request.user().tenant().platform();
        String id = person.accept(new Person.Visitor<>() {
            @Override
            public String id(Person.Id p) {
                return p.id();
            }

            @Override
            public String typed(Person.Typed p) {
                if (platform.peopleById()) {
                    throw new CommandException(syntax, "error.person.unresolved", p.text(), platform.label());
                }
                if (p.extra() != null) {
                    throw new CommandException(syntax, "error.extra", p.extra());
                }
                return p.name();
            }
        });
        return new UserRef(request.user().tenant(), id);
    }

    String t(String key, Object... args) {
        return Texts.get().tFor(language, invocation, key, args);
    }

    CommandReply reply(String key, Object... args) {
        return CommandReply.privately(ChatMessage.text(t(key, args)));
    }
}
