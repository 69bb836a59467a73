package org.undersigned.web;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG (no chart service, no script): geometry computed here,
 * markup in {@code templates/tags/barChart.html}, with the numbers also given as a table.
 */
@TemplateData
public record BarChart(String id, String title, String summary, int width, int height, List<Bar> bars,
                       List<Tick> ticks, boolean horizontal) {

    @TemplateData
    public record Bar(String x, String y, String width, String height, String label, long value, String labelX,
                      String labelY, boolean showLabel) {
    }

    @TemplateData
    public record Tick(String x, String y, String label) {
    }

    public record Point(String label, long value) {
    }

    /** Columns over time, e.g. sign-ons per day; every 7th label is drawn to keep the axis readable. */
    public static BarChart columns(String id, String title, List<Point> points) {
        int width = 720;
        int height = 220;
        int left = 40;
        int bottom = 30;
        int top = 10;
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        double slot = (width - left - 10) / (double) Math.max(1, points.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double h = (height - bottom - top) * (p.value() / (double) max);
            double x = left + i * slot + slot * 0.1;
            bars.add(new Bar(f(x), f(height - bottom - h), f(slot * 0.8), f(h), p.label(), p.value(),
                    f(x + slot * 0.4), f(height - bottom + 16), i % 7 == (points.size() - 1) % 7));
        }
        List<Tick> ticks = List.of(new Tick(f(left - 6), f(top + 4), String.valueOf(max)),
                new Tick(f(left - 6), f(height - bottom), "0"));
        long total = points.stream().mapToLong(Point::value).sum();
        return new BarChart(id, title, total + " in total; the busiest day had " + max + ".", width, height, bars,
                ticks, false);
    }

    /** Labelled horizontal bars, largest first, e.g. signatories by state. */
    public static BarChart rows(String id, String title, List<Point> points) {
        int width = 720;
        int rowHeight = 24;
        int labelWidth = 200;
        int height = Math.max(rowHeight, points.size() * rowHeight) + 10;
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double w = (width - labelWidth - 60) * (p.value() / (double) max);
            double y = 5 + i * rowHeight;
            bars.add(new Bar(f(labelWidth), f(y + 3), f(w), f(rowHeight - 6), p.label(), p.value(),
                    f(labelWidth - 8), f(y + rowHeight / 2.0 + 5), true));
        }
        return new BarChart(id, title, points.size() + " groups.", width, height, bars, List.of(), true);
    }

    public boolean empty() {
        return bars.stream().allMatch(b -> b.value() == 0);
    }

    private static String f(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
