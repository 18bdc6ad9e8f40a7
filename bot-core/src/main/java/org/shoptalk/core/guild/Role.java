package org.shoptalk.core.guild;

/** A lead sets the guild's rhythm and prompts; a member takes part. Membership stays voluntary. */
public enum Role {
    LEAD,
    MEMBER
}
