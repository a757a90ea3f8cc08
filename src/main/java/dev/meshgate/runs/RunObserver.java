package dev.meshgate.runs;

import dev.meshgate.validation.ValidationListener;
import java.time.Duration;

/** Told what runs do (checkouts, stages, final states), for the service's metrics; calls are cheap and never throw. */
public interface RunObserver extends ValidationListener {

    /** Observes nothing. */
    RunObserver NONE = new RunObserver() {};

    /** A commit was fetched if needed and exported to a working folder. */
    default void checkedOut(Duration took) {}

    /** A run reached a final state: a verdict, an error, or superseded. */
    default void finished(RunState state) {}
}
