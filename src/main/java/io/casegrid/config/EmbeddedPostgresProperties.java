package io.casegrid.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that runs when no external database is configured.
 *
 * @param dataDir where the cluster lives; it survives restarts
 * @param port the port it listens on (0 picks a free one)
 */
@ConfigurationProperties("casegrid.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, int port) {
}
