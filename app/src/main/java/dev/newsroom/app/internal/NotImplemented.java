package dev.newsroom.app.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command of the contract whose work belongs to a later issue: it says so on stderr and exits 2,
 * printing no output a script could mistake for a result.
 */
@Command
public abstract class NotImplemented implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The issue that builds this command, e.g. "issue 4 (stories)". */
    protected abstract String owner();

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("newsroom " + spec.qualifiedName(" ").replaceFirst("^newsroom ", "")
                + ": not implemented yet (" + owner() + ")");
        return 2;
    }
}
