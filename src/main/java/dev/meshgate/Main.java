package dev.meshgate;

import dev.meshgate.cli.MeshgateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The one entry point: a command-line word (validate, bench, --help) runs the command line without starting Quarkus,
 * so it needs no port and starts fast; anything else starts the service.
 */
@QuarkusMain
public final class Main {

    private Main() {}

    public static void main(String... args) {
        if (args.length > 0 && MeshgateCommand.COMMANDS.contains(args[0])) {
            System.exit(MeshgateCommand.execute(args));
        }
        Quarkus.run(args);
    }
}
