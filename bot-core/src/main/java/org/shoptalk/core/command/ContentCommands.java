package org.shoptalk.core.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.digest.DigestReport;
import org.shoptalk.core.digest.DigestService;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.prompt.CustomPromptStore;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.prompt.PromptRotation;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundService;
import org.shoptalk.core.task.TaskPlanner;

/** moment, digest, prompts, prompt add. Thread-safe. */
public final class ContentCommands {
    private final Database db;
    private final PromptLibrary library;
    private final CustomPromptStore custom;
    private final PromptRotation rotation;
    private final RoundService rounds;
    private final DigestService digests;
    private final Clock clock;
    private final TaskPlanner planner;

    public ContentCommands(
            Database db,
            PromptLibrary library,
            CustomPromptStore custom,
            PromptRotation rotation,
            RoundService rounds,
            DigestService digests,
            TaskPlanner planner,
            Clock clock) {
        this.planner = planner;
        this.db = db;
        this.library = library;
        this.custom = custom;
        this.rotation = rotation;
        this.rounds = rounds;
        this.digests = digests;
        this.clock = clock;
    }

    CommandReply moment(Context ctx, Command.MomentNow c) {
        Guild g = ctx.requireMember(Syntax.MOMENT);
        RoundService.Ask ask;
        if (c.promptId() != null) {
            Prompt prompt = library.byId(c.promptId())
                    .or(() -> db.withHandle(h -> custom.find(h, g, c.promptId())))
                    .orElseThrow(() -> new CommandException(
                            Syntax.MOMENT, "error.prompt.unknown", c.promptId(), CommandParser.themeList()));
            ask = new RoundService.Ask(prompt, prompt.theme());
        } else {
            ask = RoundService.Ask.rotate(c.theme());
        }
        RoundService.Posting posting = rounds.openAndPost(g, null, "now-" + UUID.randomUUID(), ask);
        Optional<Round> round = posting.opened();
        if (round.isEmpty()) {
            throw new CommandException("error.no.channel", g.name());
        }
        // Said only of what landed: a refused or delayed channel is named as such, never reported as posted. A delay
        // (a rate limit, a hiccup) is tried again as a scheduled moment's is; a refusal is final.
        String prompt = round.get().promptId();
        if (planner.postLater(round.get(), posting.outcome())) {
            return posting.posted() == 0
                    ? ctx.reply("moment.posted.later.none", prompt)
                    : ctx.reply("moment.posted.later", prompt, posting.posted(), posting.tried());
        }
        if (posting.posted() == 0) {
            throw new CommandException("moment.posted.none", prompt);
        }
        return posting.posted() == posting.tried()
                ? ctx.reply("moment.posted", prompt)
                : ctx.reply("moment.posted.partly", prompt, posting.posted(), posting.tried());
    }

    CommandReply digest(Context ctx) {
        Guild g = ctx.requireMember(Syntax.DIGEST);
        DigestService.Sent sent = digests.postNow(g, ctx.request().user());
        if (sent.channels() == 0) {
            throw new CommandException("error.no.channel", g.name());
        }
        // Said only of what landed: each channel without the full digest is named, with what happened and what to do.
        return CommandReply.privately(ChatMessage.text(DigestReport.forAsker(ctx.language(), ctx.invocation(), sent)));
    }

    CommandReply prompts(Context ctx, Command.Prompts c) {
        ChatMessage.Builder b = ChatMessage.builder();
        Guild g = ctx.guild();
        if (c.theme() == null) {
            b.header(ctx.t("prompts.themes.header"));
            for (Theme theme : Theme.values()) {
                int own = g == null
                        ? 0
                        : db.withHandle(h -> rotation.candidates(h, g, theme)).size()
                                - library.byTheme(theme).size();
                b.text(ctx.t(
                        "prompts.theme.line",
                        theme.word(ctx.language()),
                        theme.label(ctx.language()),
                        library.byTheme(theme).size(),
                        own));
            }
            b.context(ctx.t("prompts.themes.hint"));
            return CommandReply.privately(b.build());
        }
        List<Prompt> prompts =
                g == null ? library.byTheme(c.theme()) : db.withHandle(h -> rotation.candidates(h, g, c.theme()));
        b.header(ctx.t("prompts.header", c.theme().label(ctx.language())));
        for (Prompt p : prompts) {
            b.text(p.id() + " - " + p.text(ctx.language()));
        }
        b.context(ctx.t("prompts.hint"));
        return CommandReply.privately(b.build());
    }

    CommandReply add(Context ctx, Command.PromptAdd c) {
        Guild g = ctx.requireLead(Syntax.PROMPT_ADD);
        Theme theme = c.theme() != null ? c.theme() : Theme.CRAFT;
        Prompt p = db.inTransaction(
                h -> custom.add(h, g, theme, c.text(), ctx.request().user(), clock.instant()));
        return ctx.reply("prompt.added", p.id(), theme.label(ctx.language()));
    }
}
