package dev.sppo.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFileTest {

    private static final LineChart CHART = new LineChart("loss", "t", "loss")
            .add(Series.line("loss", new double[] {1, 2}, new double[] {0.7, 0.6}));

    @TempDir
    Path tmp;

    @Test
    void writesItsPngIntoTheDirectoryAtTheGivenSize() throws IOException {
        Path png = new ChartFile("loss-addition.png", "Loss", CHART).writePng(tmp.resolve("charts"), 320, 200);

        assertThat(png).isEqualTo(tmp.resolve("charts/loss-addition.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void aNameThatIsNotAPlainLowerCasePngIsRefused() {
        for (String name : new String[] {"../loss.png", "Loss.png", "loss.jpg", "a/b.png"}) {
            assertThatThrownBy(() -> new ChartFile(name, "Loss", CHART))
                    .hasMessage("chart file must be a plain lower-case .png name, got " + name);
        }
    }
}
