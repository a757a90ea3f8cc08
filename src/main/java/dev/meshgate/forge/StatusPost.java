package dev.meshgate.forge;

import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * One status to post.
 *
 * @param forge the forge's name, as metrics label posts
 * @param key the forge, repository, commit and context: a newer post with the same key replaces an older one
 * @param content what is posted (a status, a comment body), to skip a post that repeats the last one
 * @param label how logs name it; never holds a token
 * @param send makes one attempt; the REST client throws for error statuses and transport failures
 * @param ticket asked before each attempt whether the post is still current, and told once it settled
 */
record StatusPost(String forge, String key, Object content, String label, Supplier<Response> send, PostTicket ticket) {}
