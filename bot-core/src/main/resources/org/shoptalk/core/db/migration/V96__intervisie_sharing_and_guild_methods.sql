-- Sharing an intervisie's takeaways with the digest (issue 15, section 1; docs/intervisie.md#sharing-takeaways).
-- The case-bringer's choice to share: without it nothing of the session's content leaves its thread.
ALTER TABLE intervisie ADD COLUMN shared_at TIMESTAMP WITH TIME ZONE;

-- A participant's own agreement that their takeaway of this session may be shown, unattributed, in the digest. The
-- case-bringer's own takeaway needs no row: choosing to share is their agreement. Removed when they take it back or
-- say "forget me".
CREATE TABLE intervisie_consent (
    intervisie_id  BIGINT       NOT NULL REFERENCES intervisie (id) ON DELETE CASCADE,
    user_id        VARCHAR(200) NOT NULL,
    agreed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (intervisie_id, user_id)
);

-- A guild's own intervisie methods (docs/intervisie.md#a-guilds-own-methods): the method as its lead pasted it, one
-- method per row, checked by the same rules as the built-in file before it is stored.
CREATE TABLE intervisie_method (
    guild_id   BIGINT        NOT NULL REFERENCES guild (id) ON DELETE CASCADE,
    id         VARCHAR(40)   NOT NULL,
    source     VARCHAR(40000) NOT NULL,
    added_by   VARCHAR(200)  NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (guild_id, id)
);
