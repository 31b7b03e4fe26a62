package dev.tracex.benchmarks.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The per-invocation chart of one {@code PerInvocationBenchmark} run ({@code pi-c1.json} or {@code pi-c2.json}):
 * per scenario, tracex's time and Jayway's over the hand-written Jackson extraction's, the floor, as
 * {@code report.py per-invocation} computes them from the best iteration of each.
 */
final class PerInvocationChart {
    /** The scenarios of {@code Scenario}, with what each one's rule reads. */
    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("headers", "headers: $._datadog"),
            new Scenario("sqs", "builtin.sqs"),
            new Scenario("http", "builtin.http"),
            new Scenario("fields", "fields: from $.meta"),
            new Scenario("kinesis", "headers: base64 | json"),
            new Scenario("js", "the headers rule in JS"));

    /** One bar per scenario: {@code method} over {@code floor}, both from the same run. */
    static final List<Ratio> RATIOS = List.of(
            new Ratio("tracex, from the parsed tree (tracexTree / handWritten)", "tracexTree", "handWritten", ChartStyle.TRACEX),
            new Ratio("tracex, from the bytes, parse included (tracexBytes / handWrittenBytes)", "tracexBytes", "handWrittenBytes",
                    ChartStyle.TRACEX_LIGHT),
            new Ratio("Jayway JsonPath compiled, from the tree (jaywayCompiled / handWritten)", "jaywayCompiled", "handWritten",
                    ChartStyle.OTHER));

    static final String BENCHMARK = "PerInvocationBenchmark";

    record Scenario(String name, String rule) {
        String label() {
            return name + "\n" + rule;
        }
    }

    record Ratio(String series, String method, String floor, Color color) {
    }

    private PerInvocationChart() {
    }

    static int height() {
        return 350 + 26 * SCENARIOS.size() * RATIOS.size();
    }

    /**
     * The ratios, a row per {@link #RATIOS} and a column per scenario label, and the label of each bar
     * ({@code 1.28x  (1,170 ns)}); all that the file misses is reported at once.
     */
    static Bars bars(JmhResults results) {
        if (!results.unit().equals("ns/op")) {
            throw new ResultsException(results.file() + ": scores in " + results.unit() + ", not ns/op: not PerInvocationBenchmark's");
        }
        List<String> missing = new ArrayList<>();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        BarLabels labels = new BarLabels();
        for (Ratio r : RATIOS) {
            for (Scenario s : SCENARIOS) {
                OptionalDouble time = best(results, r.method(), s, missing);
                OptionalDouble floor = best(results, r.floor(), s, missing);
                if (time.isPresent() && floor.isPresent()) {
                    double ratio = time.getAsDouble() / floor.getAsDouble();
                    data.addValue(ratio, r.series(), s.label());
                    labels.put(r.series(), s.label(), Numbers.ratio(ratio) + "  (" + Numbers.time(time.getAsDouble()) + " ns)");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ResultsException(results.file() + ": no result for " + String.join(", ", missing));
        }
        return new Bars(data, labels);
    }

    /** The chart's data: the ratios and each bar's label. */
    record Bars(DefaultCategoryDataset data, BarLabels labels) {
    }

    static JFreeChart of(JmhResults results, RunInfo info) {
        Bars bars = bars(results);
        CategoryAxis scenarios = new CategoryAxis();
        ChartStyle.axis(scenarios);
        scenarios.setCategoryMargin(0.25);
        scenarios.setMaximumCategoryLabelLines(2);
        scenarios.setMaximumCategoryLabelWidthRatio(0.3f);
        NumberAxis ratio = new NumberAxis("time / the hand-written Jackson extraction's (lower is better)");
        ChartStyle.axis(ratio);
        ratio.setUpperMargin(0.3);
        BarRenderer renderer = new BarRenderer();
        ChartStyle.bars(renderer);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < RATIOS.size(); i++) {
            renderer.setSeriesPaint(i, RATIOS.get(i).color());
        }
        renderer.setDefaultItemLabelGenerator(bars.labels());
        CategoryPlot plot = new CategoryPlot(bars.data(), scenarios, ratio, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ChartStyle.grid(plot);
        ValueMarker floor = new ValueMarker(1.0, Color.BLACK,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        floor.setLabel("hand-written = 1");
        floor.setLabelFont(ChartStyle.SMALL);
        floor.setLabelPaint(ChartStyle.TEXT);
        floor.setLabelBackgroundColor(Color.WHITE);
        floor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        floor.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        // Behind the bars, so that the bars and their labels are drawn over it.
        plot.addRangeMarker(floor, Layer.BACKGROUND);
        LegendItemCollection legend = new LegendItemCollection();
        RATIOS.forEach(r -> legend.add(ChartStyle.legendItem(r.series(), r.color())));
        return ChartStyle.chart("Per invocation: tracex against hand-written Jackson code",
                List.of("ns per extraction, the best of " + results.iterations() + " JMH iterations", info.jvm(), info.runLine()),
                plot, legend, List.of(
                        "Each bar: a variant's time over the hand-written Jackson extraction's in the same JVM; in brackets, the variant's own time.",
                        "From the bytes: the raw event parsed too, against Jackson's readTree followed by the hand-written extraction.",
                        "Scenarios, rules and variants: benchmarks/README.md, \"Per invocation\"."));
    }

    private static OptionalDouble best(JmhResults results, String method, Scenario s, List<String> missing) {
        OptionalDouble v = results.best(BENCHMARK + "." + method, "scenario", s.name());
        String name = BENCHMARK + "." + method + " scenario=" + s.name();
        if (v.isEmpty() && !missing.contains(name)) {
            missing.add(name);
        }
        return v;
    }
}
