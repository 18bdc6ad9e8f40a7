-- Key material Shoptalk makes for itself when the operator configured none (SHOPTALK_SECRET unset in local
-- use): kept here so signed digest links still open after a restart, and replicas agree on it. One row per purpose.
CREATE TABLE generated_secret (
    purpose     VARCHAR(60)  PRIMARY KEY,
    secret      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
