package dev.meshgate.render;

import dev.meshgate.manifest.LoadResult;

/** One application's rendered resources (with their origins in the repository), or the problem that stopped it. */
public record RenderedApplication(Source source, LoadResult loaded) {}
