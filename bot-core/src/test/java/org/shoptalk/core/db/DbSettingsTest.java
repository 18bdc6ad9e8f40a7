package org.shoptalk.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DbSettingsTest {

    @Test
    void the_embedded_default_writes_every_commit_to_its_file() {
        assertThat(DbSettings.embedded().jdbcUrl())
                .isEqualTo("jdbc:h2:file:./data/shoptalk;AUTO_SERVER=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128");
    }

    @Test
    void an_h2_file_url_of_ones_own_gets_durable_commits_appended() {
        assertThat(h2("jdbc:h2:file:/var/lib/shoptalk/db").jdbcUrl())
                .isEqualTo("jdbc:h2:file:/var/lib/shoptalk/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=128");
        assertThat(h2("jdbc:h2:./data/x;MODE=PostgreSQL;").jdbcUrl())
                .isEqualTo("jdbc:h2:./data/x;MODE=PostgreSQL;WRITE_DELAY=0;QUERY_CACHE_SIZE=128");
    }

    @Test
    void a_write_delay_or_query_cache_someone_chose_is_left_as_it_is() {
        assertThat(h2("jdbc:h2:file:./data/x;write_delay=500").jdbcUrl())
                .isEqualTo("jdbc:h2:file:./data/x;write_delay=500;QUERY_CACHE_SIZE=128");
        assertThat(h2("jdbc:h2:file:./data/x;WRITE_DELAY=0;AUTO_SERVER=FALSE;query_cache_size=16")
                        .jdbcUrl())
                .isEqualTo("jdbc:h2:file:./data/x;WRITE_DELAY=0;AUTO_SERVER=FALSE;query_cache_size=16");
    }

    @Test
    void in_memory_h2_gets_only_the_query_cache_and_postgresql_urls_are_opened_unchanged() {
        assertThat(h2("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1").jdbcUrl())
                .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128");
        assertThat(h2("jdbc:postgresql://db:5432/shoptalk?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/shoptalk?sslmode=require");
    }

    @Test
    void the_connection_timeout_is_one_second_by_default_and_never_under_half_a_second() {
        assertThat(DbSettings.embedded().connectionTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> DbSettings.embedded().withConnectionTimeout(Duration.ofMillis(499)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the connection timeout must be at least 500 ms, got 499 ms");
    }

    @Test
    void a_pool_of_one_is_refused_because_migrations_need_two_connections() {
        assertThatThrownBy(() -> new DbSettings("jdbc:h2:mem:x", "sa", "", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPoolSize must be at least 2, got 1");
    }

    private static DbSettings h2(String url) {
        return new DbSettings(url, "sa", "", 2);
    }
}
