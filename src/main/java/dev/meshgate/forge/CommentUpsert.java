package dev.meshgate.forge;

import dev.meshgate.forge.api.ForgeComment;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Keeps one comment per change request: finds meshgate's earlier comment by its hidden marker and edits it, or
 * creates the first one, so that a pull request shows one summary however often it is pushed to.
 */
final class CommentUpsert {

    static final int PAGE = 100;

    private CommentUpsert() {}

    static Response upsert(
            Supplier<List<ForgeComment>> list, String marker, Supplier<Response> create, LongFunction<Response> edit) {
        Optional<ForgeComment> earlier = list.get().stream()
                .filter(comment -> comment.body() != null && comment.body().contains(marker))
                .findFirst();
        return earlier.isPresent() ? edit.apply(earlier.get().id()) : create.get();
    }
}
