package io.casegrid.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that runs when no external database is configured.
 *
 * @param dataDir where the cluster lives; it survives restarts
 * @param port the port it listens on (0 picks a free one)
 * @param settings further server settings ({@code shared_buffers}, {@code shared_preload_libraries}, ...), as in
 * {@code postgresql.conf}; the durability settings ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes}) cannot be turned off here
 */
@ConfigurationProperties("casegrid.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, int port, Map<String, String> settings) {

	public EmbeddedPostgresProperties {
		settings = settings == null ? Map.of() : Map.copyOf(settings);
	}

}
