package org.shoptalk.slack;

/** Slack payloads as Slack sends them, small enough to read in a test. */
final class SlackPayloads {
    private SlackPayloads() {}

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String envelope(String eventId, String eventJson) {
        return "{\"token\":\"legacy\",\"team_id\":\"" + SlackHarness.TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event\":" + eventJson + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\","
                + "\"event_time\":1700000000,\"authorizations\":[{\"team_id\":\"" + SlackHarness.TEAM
                + "\",\"user_id\":\"" + SlackHarness.BOT_USER + "\",\"is_bot\":true}]}";
    }

    static String reply(String eventId, String user, String ts, String threadTs, String text) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"" + user + "\",\"text\":"
                        + json(text) + ",\"ts\":\"" + ts + "\""
                        + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
                        + ",\"event_ts\":\"" + ts + "\",\"channel_type\":\"channel\"}");
    }

    static String broadcast(String eventId, String user, String ts, String threadTs, String text) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"subtype\":\"thread_broadcast\",\"channel\":\"C1\",\"user\":\""
                        + user + "\",\"text\":" + json(text) + ",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs
                        + "\",\"event_ts\":\"" + ts + "\",\"channel_type\":\"channel\"}");
    }

    static String edited(String eventId, String user, String ts, String threadTs, String before, String after) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C1\",\"hidden\":true,"
                        + "\"message\":{\"type\":\"message\",\"user\":\"" + user + "\",\"text\":" + json(after)
                        + ",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\",\"edited\":{\"user\":\"" + user
                        + "\",\"ts\":\"1700000999.000000\"}},\"previous_message\":{\"type\":\"message\",\"user\":\""
                        + user
                        + "\",\"text\":" + json(before) + ",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\"},"
                        + "\"event_ts\":\"1700000999.000001\",\"ts\":\"1700000999.000001\",\"channel_type\":\"channel\"}");
    }

    static String deleted(String eventId, String user, String ts, String threadTs) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"subtype\":\"message_deleted\",\"channel\":\"C1\",\"hidden\":true,"
                        + "\"deleted_ts\":\"" + ts + "\",\"previous_message\":{\"type\":\"message\",\"user\":\"" + user
                        + "\",\"text\":\"gone\",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\"},"
                        + "\"event_ts\":\"1700000998.000001\",\"ts\":\"1700000998.000001\",\"channel_type\":\"channel\"}");
    }

    static String botMessage(String eventId, String ts, String threadTs) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"subtype\":\"bot_message\",\"channel\":\"C1\",\"bot_id\":\"BOTHER\","
                        + "\"text\":\"beep\",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs
                        + "\",\"channel_type\":\"channel\"}");
    }

    static String mention(String eventId, String user, String text) {
        return envelope(
                eventId,
                "{\"type\":\"app_mention\",\"channel\":\"C1\",\"user\":\"" + user + "\",\"text\":" + json(text)
                        + ",\"ts\":\"1700000500.000100\",\"event_ts\":\"1700000500.000100\"}");
    }

    static String memberJoined(String eventId, String user, String channel) {
        return memberJoined(eventId, user, channel, null);
    }

    /** {@code user} joined {@code channel}, invited by {@code inviter} (null: no inviter named). */
    static String memberJoined(String eventId, String user, String channel, String inviter) {
        return envelope(
                eventId,
                "{\"type\":\"member_joined_channel\",\"user\":\"" + user + "\",\"channel\":\"" + channel
                        + "\",\"channel_type\":\"C\",\"team\":\"" + SlackHarness.TEAM
                        + (inviter == null ? "" : "\",\"inviter\":\"" + inviter)
                        + "\",\"event_ts\":\"1700000650.000100\"}");
    }

    static String homeOpened(String eventId, String user) {
        return envelope(
                eventId,
                "{\"type\":\"app_home_opened\",\"user\":\"" + user + "\",\"channel\":\"D1\","
                        + "\"tab\":\"home\",\"event_ts\":\"1700000600.000100\"}");
    }

    static String buttonClick(String user, String channel, String command, String responseUrl) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SlackHarness.TEAM + "\",\"domain\":\"test\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"ann\",\"team_id\":\"" + SlackHarness.TEAM + "\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy\",\"trigger_id\":\"1.2.3\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"" + channel
                + "\"},"
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"guild-craft\"},"
                + "\"response_url\":" + json(responseUrl) + ","
                + "\"actions\":[{\"action_id\":\"shoptalk_command:0\",\"block_id\":\"b1\",\"type\":\"button\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Resume\"},\"value\":" + json(command)
                + ",\"action_ts\":\"1700000700.000100\"}]}";
    }

    static String directMessage(String eventId, String user, String text) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"channel\":\"D1\",\"user\":\"" + user + "\",\"text\":" + json(text)
                        + ",\"ts\":\"1700000800.000100\",\"event_ts\":\"1700000800.000100\",\"channel_type\":\"im\"}");
    }

    static String homeButtonClick(String user, String actionId, String value) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SlackHarness.TEAM + "\",\"domain\":\"test\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"ann\",\"team_id\":\"" + SlackHarness.TEAM + "\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy\",\"trigger_id\":\"trigger-1\","
                + "\"container\":{\"type\":\"view\",\"view_id\":\"V1\"},"
                + "\"view\":{\"id\":\"V1\",\"type\":\"home\",\"blocks\":[]},"
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\",\"type\":\"button\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"}"
                + (value == null ? "" : ",\"value\":" + json(value))
                + ",\"action_ts\":\"1700000700.000100\"}]}";
    }

    static String scheduleSubmission(String user, String channel, String days, String time, String every, String tz) {
        String dayOptions = days.isEmpty()
                ? ""
                : java.util.Arrays.stream(days.split(","))
                        .map(d -> "{\"text\":{\"type\":\"plain_text\",\"text\":\"" + d + "\"},\"value\":\"" + d + "\"}")
                        .collect(java.util.stream.Collectors.joining(","));
        return "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + SlackHarness.TEAM + "\",\"domain\":\"test\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"ann\",\"team_id\":\"" + SlackHarness.TEAM + "\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy\",\"trigger_id\":\"t\","
                + "\"view\":{\"id\":\"V2\",\"type\":\"modal\",\"callback_id\":\"" + ScheduleModal.CALLBACK_ID + "\","
                + "\"blocks\":[],\"state\":{\"values\":{"
                + "\"channel\":{\"value\":{\"type\":\"conversations_select\",\"selected_conversation\":"
                + (channel == null ? "null" : json(channel)) + "}},"
                + "\"days\":{\"value\":{\"type\":\"checkboxes\",\"selected_options\":[" + dayOptions + "]}},"
                + "\"time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":" + json(time) + "}},"
                + "\"every\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + json(every) + "}},"
                + "\"tz\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + json(tz) + "}},"
                + "\"theme\":{\"value\":{\"type\":\"plain_text_input\",\"value\":null}}}}}}";
    }
}
