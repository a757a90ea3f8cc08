package dev.meshgate.analysis;

import dev.meshgate.manifest.ResourceKind;
import java.util.Set;

/** The self-description of a rule: a unique name, the catalog messages it reports and the kinds it reads. */
public record RuleInfo(String name, String description, Set<Message> messages, Set<ResourceKind> inputs) {}
