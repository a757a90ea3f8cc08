package dev.meshgate.forge;

/**
 * The caller's hold on one post: asked before every attempt whether the post is still the newest of its commit (so a
 * retry or a rate-limit wait can never put an older state over a newer one, even one another replica posted), and told
 * once the post settled (posted, refused, given up or overtaken), so that a durable outbox can cross it off.
 */
public interface PostTicket {

    /** For posts nobody keeps: always current, nothing to cross off. */
    PostTicket NONE = new PostTicket() {
        @Override
        public boolean current() {
            return true;
        }

        @Override
        public void settled() {}
    };

    /** Whether the post should still be made; false when a newer one of the same key exists. */
    boolean current();

    /** Called once when the post needs no further attempt. */
    void settled();
}
