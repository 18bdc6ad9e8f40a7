package org.shoptalk.core.digest;

import java.time.Instant;
import java.util.Optional;
import org.shoptalk.core.guild.Guild;

/**
 * Where a posted digest can be read on the web. The app provides one when it serves digest pages; core
 * only asks for the address and adds it to the digest it posts.
 */
@FunctionalInterface
public interface DigestLinks {
    /** No web pages: digests are posted without a link. */
    DigestLinks NONE = (guild, periodEnd) -> Optional.empty();

    /** The page of the guild's digest for the period ending at {@code periodEnd}, if there is one. */
    Optional<String> pageFor(Guild guild, Instant periodEnd);
}
