-- A person's guilds are looked up by the person (every command and direct message: GuildStore.forMember; "forget me"
-- counts and removes a person's memberships), and the primary key starts with the guild: without this index each such
-- lookup read every membership of the instance (issue 13: 10,000 guilds made 548,930 sequential scans of guild_member
-- reading 423 million rows in the bench). Runs out of order on databases that have later versions.
CREATE INDEX guild_member_by_person ON guild_member (user_id, guild_id);
