package org.shoptalk.core.command;

import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.prompt.Theme;

/**
 * Which feature runs each command, for one request: the dispatch over {@link Command}, one method per record (see
 * {@link Command.Visitor} for why a visitor). A new command adds one method here, next to its neighbours.
 */
final class CommandRoutes implements Command.Visitor<CommandReply> {
    private final CommandHandler.Features f;
    private final Context ctx;

    CommandRoutes(CommandHandler.Features features, Context ctx) {
        this.f = features;
        this.ctx = ctx;
    }

    @Override
    public CommandReply help(Command.Help c) {
        return help(ctx);
    }

    @Override
    public CommandReply guildCreate(Command.GuildCreate c) {
        return f.guild().create(ctx, c);
    }

    @Override
    public CommandReply guildInfo(Command.GuildInfo c) {
        return f.guild().info(ctx);
    }

    @Override
    public CommandReply guildJoin(Command.GuildJoin c) {
        return f.guild().join(ctx);
    }

    @Override
    public CommandReply guildLeave(Command.GuildLeave c) {
        return f.guild().leave(ctx);
    }

    @Override
    public CommandReply guildLeadAdd(Command.GuildLeadAdd c) {
        return f.guild().leadAdd(ctx, c);
    }

    @Override
    public CommandReply guildChannelAdd(Command.GuildChannelAdd c) {
        return f.guild().channelAdd(ctx);
    }

    @Override
    public CommandReply guildChannelRemove(Command.GuildChannelRemove c) {
        return f.guild().channelRemove(ctx);
    }

    @Override
    public CommandReply scheduleWeekly(Command.ScheduleWeekly c) {
        return f.schedule().weekly(ctx, c);
    }

    @Override
    public CommandReply scheduleFormRequest(Command.ScheduleFormRequest c) {
        return scheduleForm(ctx);
    }

    @Override
    public CommandReply scheduleOnce(Command.ScheduleOnce c) {
        return f.schedule().once(ctx, c);
    }

    @Override
    public CommandReply schedules(Command.Schedules c) {
        return f.schedule().list(ctx);
    }

    @Override
    public CommandReply pause(Command.Pause c) {
        return f.schedule().pause(ctx, c);
    }

    @Override
    public CommandReply resume(Command.Resume c) {
        return f.schedule().resume(ctx, c);
    }

    @Override
    public CommandReply unschedule(Command.Unschedule c) {
        return f.schedule().unschedule(ctx, c);
    }

    @Override
    public CommandReply skip(Command.Skip c) {
        return f.schedule().skip(ctx, c);
    }

    @Override
    public CommandReply momentNow(Command.MomentNow c) {
        return f.content().moment(ctx, c);
    }

    @Override
    public CommandReply digestNow(Command.DigestNow c) {
        return f.content().digest(ctx);
    }

    @Override
    public CommandReply digestAt(Command.DigestAt c) {
        return f.schedule().digestAt(ctx, c);
    }

    @Override
    public CommandReply prompts(Command.Prompts c) {
        return f.content().prompts(ctx, c);
    }

    @Override
    public CommandReply promptAdd(Command.PromptAdd c) {
        return f.content().add(ctx, c);
    }

    @Override
    public CommandReply reminders(Command.Reminders c) {
        return f.person().reminders(ctx, c);
    }

    @Override
    public CommandReply quietHours(Command.QuietHoursSetting c) {
        return f.person().quietHours(ctx, c);
    }

    @Override
    public CommandReply forgetMe(Command.ForgetMe c) {
        return f.person().forget(ctx, c);
    }

    @Override
    public CommandReply connectSetting(Command.ConnectSetting c) {
        return f.dialogue().connect(ctx, c);
    }

    @Override
    public CommandReply goalStart(Command.GoalStart c) {
        return f.dialogue().goal(ctx);
    }

    @Override
    public CommandReply goals(Command.Goals c) {
        return f.dialogue().goals(ctx);
    }

    @Override
    public CommandReply anonAnswer(Command.AnonAnswer c) {
        return f.dialogue().anon(ctx, c);
    }

    @Override
    public CommandReply anonDelete(Command.AnonDelete c) {
        return f.dialogue().anonDelete(ctx);
    }

    @Override
    public CommandReply pairsOptIn(Command.PairsOptIn c) {
        return f.dialogue().pairsOptIn(ctx, c);
    }

    @Override
    public CommandReply pairsCheckIn(Command.PairsCheckIn c) {
        return f.dialogue().pairsCheckIn(ctx, c);
    }

    @Override
    public CommandReply pairsEvery(Command.PairsEvery c) {
        return f.dialogue().pairsEvery(ctx, c);
    }

    @Override
    public CommandReply occasion(Command.Occasion c) {
        return f.series().occasion(ctx, c);
    }

    @Override
    public CommandReply series(Command.Series c) {
        return f.series().series(ctx, c);
    }

    @Override
    public CommandReply intervisieMethods(Command.IntervisieMethods c) {
        return f.intervisie().methods(ctx);
    }

    @Override
    public CommandReply intervisieStart(Command.IntervisieStart c) {
        return f.intervisie().start(ctx, c);
    }

    @Override
    public CommandReply guildRetention(Command.GuildRetention c) {
        return f.guild().retention(ctx, c);
    }

    @Override
    public CommandReply guildAnonymity(Command.GuildAnonymity c) {
        return f.guild().anonymity(ctx, c);
    }

    @Override
    public CommandReply recordShow(Command.RecordShow c) {
        return f.record().show(ctx, c);
    }

    @Override
    public CommandReply recordExport(Command.RecordExport c) {
        return f.record().export(ctx, c);
    }

    @Override
    public CommandReply recordTime(Command.RecordTime c) {
        return f.record().time(ctx, c);
    }

    @Override
    public CommandReply intervisieAct(Command.IntervisieAct c) {
        return f.intervisie().act(ctx, c);
    }

    @Override
    public CommandReply intervisieMethodAdd(Command.IntervisieMethodAdd c) {
        return f.intervisie().addMethod(ctx, c);
    }

    @Override
    public CommandReply intervisieMethodRemove(Command.IntervisieMethodRemove c) {
        return f.intervisie().removeMethod(ctx, c);
    }

    private static CommandReply help(Context ctx) {
        ChatMessage.Builder b =
                ChatMessage.builder().header(ctx.t("help.header")).text(ctx.t("help.intro"));
        StringBuilder everyone = new StringBuilder();
        StringBuilder leads = new StringBuilder();
        for (Syntax s : Syntax.values()) {
            StringBuilder target = s.leadsOnly() ? leads : everyone;
            target.append(ctx.invocation())
                    .append(' ')
                    .append(s.usage(ctx.language()))
                    .append(" - ")
                    .append(ctx.t(s.helpKey()))
                    .append('\n');
        }
        b.text(ctx.t("help.everyone") + "\n" + everyone.toString().strip());
        b.text(ctx.t("help.leads") + "\n" + leads.toString().strip());
        b.context(ctx.t("help.themes", Theme.words(ctx.language())));
        return CommandReply.privately(b.build());
    }

    /**
     * The form where the platform has one, for the guild of the place it was asked in (so it has no channel field);
     * the typed form as the fallback text.
     */
    private static CommandReply scheduleForm(Context ctx) {
        // Away from a channel (a Home, the private chat) the form names its guild, so the submission is for that one.
        String id = ctx.request().channel() == null && ctx.guild() != null
                ? "in:" + ctx.guild().id() + " " + Form.SCHEDULE
                : Form.SCHEDULE;
        return CommandReply.form(
                ScheduleForm.form(ctx.language(), false).withId(id),
                ChatMessage.text(
                        ctx.t("form.fallback", ctx.invocation() + " " + Syntax.SCHEDULE.usage(ctx.language()))));
    }
}
