package dev.sppo.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.data.xy.TableXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackedAreaChartTest {

    @TempDir
    Path tmp;

    @Test
    void layersShareTheXValuesInTheOrderTheyWereAdded() {
        StackedAreaChart chart = new StackedAreaChart("shares", "t", "share", new double[] {0, 1, 2})
                .layer("stone", new double[] {0.2, 0.5, 0.3})
                .layer("paper", new double[] {0.8, 0.5, 0.7});

        TableXYDataset data = (TableXYDataset) chart.toJFreeChart().getXYPlot().getDataset();

        assertThat(data.getSeriesCount()).isEqualTo(2);
        assertThat(data.getItemCount()).isEqualTo(3);
        assertThat(data.getSeriesKey(1)).isEqualTo("paper");
        assertThat(data.getYValue(1, 2)).isEqualTo(0.7);
    }

    @Test
    void writesAPngOfTheGivenSize() throws IOException {
        Path png = tmp.resolve("charts/shares.png");
        new StackedAreaChart("shares", "t", "share", new double[] {0, 1}).layer("a", new double[] {1, 0.5})
                .writePng(png, 300, 200);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(300);
    }

    @Test
    void aLayerWithTheWrongLengthOrANonFiniteValueIsRefusedByName() {
        StackedAreaChart chart = new StackedAreaChart("shares", "t", "share", new double[] {0, 1});

        assertThatThrownBy(() -> chart.layer("a", new double[] {1})).hasMessageContaining("layer a has 1 values");
        assertThatThrownBy(() -> chart.layer("b", new double[] {1, Double.NaN}))
                .hasMessageContaining("layer b holds the non-finite value NaN");
    }
}
