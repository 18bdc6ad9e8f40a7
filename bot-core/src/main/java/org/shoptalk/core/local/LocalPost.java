package org.shoptalk.core.local;

/** What posting in the local console returns: the new message's id and the thread it belongs to. */
public record LocalPost(String id, String thread) {}
