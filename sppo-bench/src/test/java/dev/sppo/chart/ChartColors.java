package dev.sppo.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** The colours a chart paints, as they come out in the image. */
public final class ChartColors {

    private ChartColors() {}

    /** Series {@code series}' band painted over the background at {@link ChartStyle#BAND_ALPHA}. */
    public static Color band(int series) {
        Color color = ChartStyle.color(series);
        Color bg = ChartStyle.BACKGROUND;
        double a = ChartStyle.BAND_ALPHA;
        return new Color((int) Math.round(color.getRed() * a + bg.getRed() * (1 - a)),
                (int) Math.round(color.getGreen() * a + bg.getGreen() * (1 - a)),
                (int) Math.round(color.getBlue() * a + bg.getBlue() * (1 - a)));
    }

    /** The largest difference of one channel between {@code a} and {@code b}. */
    public static int distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    /** How many pixels of {@code image} are within {@code tolerance} per channel of {@code color}. */
    public static int count(BufferedImage image, Color color, int tolerance) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += distance(new Color(image.getRGB(x, y)), color) <= tolerance ? 1 : 0;
            }
        }
        return n;
    }
}
