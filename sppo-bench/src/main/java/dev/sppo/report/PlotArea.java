package dev.sppo.report;

/**
 * The rectangle of a chart's image that holds the data, and the data bounds it shows: x in [xMin, xMax] maps
 * linearly to pixel columns [left, left + width], y in [yMin, yMax] to rows [top + height, top] (up is larger).
 */
record PlotArea(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    double py(double y) {
        return top + height - (y - yMin) / (yMax - yMin) * height;
    }

    int right() {
        return left + width;
    }

    int bottom() {
        return top + height;
    }
}
