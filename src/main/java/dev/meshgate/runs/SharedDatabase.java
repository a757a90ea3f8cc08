package dev.meshgate.runs;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.AgroalDefaultSecurityProvider;
import io.agroal.api.security.AgroalSecurityProvider;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The store several replicas share: a PostgreSQL database reached through an Agroal connection pool. A password file
 * (a mounted Secret) is read again for every new connection, so a rotated password is taken without a restart.
 */
final class SharedDatabase {

    private static final int CONNECTIONS = 16;
    private static final Duration ACQUISITION = Duration.ofSeconds(10);

    private SharedDatabase() {}

    /** Where to connect and as whom. */
    record Settings(String jdbcUrl, Optional<String> username, Optional<String> password, Optional<Path> passwordFile) {
        Settings {
            if (password.isPresent() && passwordFile.isPresent()) {
                throw new IllegalArgumentException("meshgate.store has both a password and a password-file; keep one");
            }
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(
                        "meshgate.store.jdbc-url must be a PostgreSQL URL (jdbc:postgresql://host:5432/meshgate)");
            }
        }
    }

    /** The password as a credential that the security provider below reads at each new connection. */
    private record PasswordFile(Path path) {}

    static RunStore open(Settings settings) {
        AgroalSecurityProvider passwordFiles = credential -> {
            if (!(credential instanceof PasswordFile file)) {
                return null;
            }
            Properties properties = new Properties();
            try {
                properties.setProperty("password", Files.readString(file.path()).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("meshgate.store.password-file " + file.path() + " cannot be read", e);
            }
            return properties;
        };
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.initialSize(1)
                        .minSize(1)
                        .maxSize(CONNECTIONS)
                        .acquisitionTimeout(ACQUISITION)
                        // A session the server ended (a restart, a fail-over, a rotated password) is replaced when
                        // it is next borrowed, and the replacement reads the password file again.
                        .validateOnBorrow(true)
                        .connectionValidator(AgroalConnectionPoolConfiguration.ConnectionValidator.defaultValidator())
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(settings.jdbcUrl())
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .addSecurityProvider(new AgroalDefaultSecurityProvider())
                                    .addSecurityProvider(passwordFiles);
                            settings.username().ifPresent(user -> factory.principal(new NamePrincipal(user)));
                            settings.password().ifPresent(secret -> factory.credential(new SimplePassword(secret)));
                            settings.passwordFile().ifPresent(file -> factory.credential(new PasswordFile(file)));
                            return factory;
                        }));
        try {
            AgroalDataSource dataSource = AgroalDataSource.from(configuration);
            return RunStore.shared(dataSource, dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("the shared run store cannot be reached: " + e.getMessage(), e);
        }
    }
}
