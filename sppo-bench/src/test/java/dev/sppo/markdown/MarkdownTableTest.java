package dev.sppo.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.markdown.MarkdownTable.Column;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void tableRightAlignsEveryColumnButTheFirstAndEscapesPipes() {
        String table = new MarkdownTable("name", "value").row("a|b", "1").markdown();
        assertThat(table).isEqualTo("| name | value |\n|---|---:|\n| a\\|b | 1 |\n");
    }

    @Test
    void columnsCanBeAlignedOneByOne() {
        MarkdownTable table = new MarkdownTable(List.of(Column.right("t"), Column.left("win rate"),
                Column.right("seconds")));

        assertThat(table.row("1", "0.6 [0.5, 0.7]", "3.0").markdown())
                .isEqualTo("| t | win rate | seconds |\n|---:|---|---:|\n| 1 | 0.6 [0.5, 0.7] | 3.0 |\n");
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> new MarkdownTable("name", "value").row("only one"))
                .hasMessageContaining("row 1").hasMessageContaining("name, value");
    }

    @Test
    void aTableWithoutColumnsIsRefused() {
        assertThatThrownBy(MarkdownTable::new).hasMessage("header: a table needs at least one column");
    }
}
