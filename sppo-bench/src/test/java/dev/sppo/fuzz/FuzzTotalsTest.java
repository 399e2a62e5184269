package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class FuzzTotalsTest {

    private static final RestTotals REST = new RestTotals(10_000, 1, 0, 2, 0, List.of("POST /api/jobs => 500"));
    private static final KafkaTotals KAFKA = new KafkaTotals(120, 120, 60, 6, 6, 0, 2, 2, List.of());
    private static final FileTotals FILES = new FileTotals(3000, 400, 2600, 0, List.of());

    @Test
    void theTableHasARowPerPartWithItsCounts() {
        String table = new FuzzTotals(REST, KAFKA, FILES).markdown();

        assertThat(table.lines().toList()).hasSize(8);
        assertThat(table).contains("| 10,000 requests | 1 | 0 | 2 | 0 | 9,997 answered well |");
        assertThat(table).contains("| 120 records |").contains("120 dead-lettered with a reason | 0 |");
        assertThat(table).contains("| 60 records |").contains("logged and skipped");
        assertThat(table).contains("6 stored as usual").contains("2 refused at the producer");
        assertThat(table).contains("| 3,000 files |")
                .contains("2,600 refused naming the file, 400 still valid |  | 0 |");
    }

    @Test
    void aRunIsCleanOnlyWithoutAnyHole() {
        RestTotals quiet = new RestTotals(10_000, 0, 0, 0, 0, List.of());
        assertThat(new FuzzTotals(quiet, KAFKA, FILES).clean()).isTrue();
        assertThat(new FuzzTotals(REST, KAFKA, FILES).clean()).isFalse();
        assertThat(new FuzzTotals(REST, KAFKA, FILES).holes()).containsExactly("REST: POST /api/jobs => 500");
        assertThat(new FuzzTotals(quiet, new KafkaTotals(120, 119, 60, 6, 6, 0, 2, 2, List.of("lost")), FILES)
                .clean()).isFalse();
        assertThat(new FuzzTotals(quiet, KAFKA, new FileTotals(3000, 400, 2599, 1, List.of("x"))).clean()).isFalse();
    }
}
