package dev.meshgate.analysis;

/** One check, like an istioctl analyzer: it declares what it reports and reads, and reports through the context. */
public interface Rule {

    /** What the rule is: its name, the codes it reports and the kinds it reads. */
    RuleInfo info();

    /** Runs the check over the context's index; rules never decide pass or fail, they only report. */
    void check(Context context);
}
