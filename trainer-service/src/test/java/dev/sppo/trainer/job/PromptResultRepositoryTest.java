package dev.sppo.trainer.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.trainer.TestInfrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** {@link PromptResultRepository} on a real PostgreSQL with the service's schema. */
class PromptResultRepositoryTest {

    private static JdbcTemplate jdbc;
    private static PromptResultRepository results;

    @BeforeAll
    static void schema() {
        jdbc = TestInfrastructure.migratedDatabase();
        jdbc.update("INSERT INTO jobs (id, config, state) VALUES ('job-a', '{}', 'RUNNING')");
        jdbc.update("INSERT INTO iterations (job_id, iteration, phase, expected_prompts) VALUES ('job-a', 0, "
                + "'GENERATE', 4000)");
        results = new PromptResultRepository(jdbc);
    }

    @Test
    void aPollIsStoredInOneGoAndEachKeyOnlyOnce() {
        assertThat(results.insert("job-a", 0, "p-stored-before", "{\"n\": 0}")).isTrue();
        List<PromptResult> poll = List.of(result("p-1", 1), result("p-stored-before", 2), result("p-2", 3),
                result("p-1", 4));

        assertThat(results.insertAll(poll)).containsExactlyInAnyOrder(result("p-1", 0).key(),
                result("p-2", 0).key());
        assertThat(jdbc.queryForObject("SELECT payload->>'n' FROM prompt_results WHERE prompt_id = 'p-1'",
                String.class)).as("the first of two copies in one poll is the one stored").isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT payload->>'n' FROM prompt_results WHERE prompt_id = "
                + "'p-stored-before'", String.class)).isEqualTo("0");
        assertThat(results.insertAll(poll)).as("a redelivered poll stores nothing").isEmpty();
    }

    @Test
    void pollsLargerThanOneStatementAreSplit() {
        List<PromptResult> many = new ArrayList<>(IntStream.range(0, PromptResultRepository.ROWS_PER_INSERT * 2 + 7)
                .mapToObj(i -> result("many-" + i, i)).toList());

        assertThat(results.insertAll(many)).hasSize(many.size());
        assertThat(results.count("job-a", 0)).isGreaterThanOrEqualTo(many.size());
    }

    private static PromptResult result(String promptId, int n) {
        return new PromptResult("job-a", 0, promptId, "{\"n\": " + n + "}");
    }
}
