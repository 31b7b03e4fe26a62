package dev.tracex.benchmarks.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The cold-start charts: per case of {@code cold-start.sh}, the median time from JVM start to the first
 * extracted context ({@link #time}) or the median peak RSS ({@link #memory}), one horizontal bar each,
 * in groups that each start with their function without tracex, the baseline the group's other bars are
 * compared with.
 */
final class ColdStartChart {
    /** What a bar is: a function without tracex (the baseline), with tracex, or GraalJS alone (the JS rule's reference). */
    enum Kind {
        NO_TRACEX(ChartStyle.NO_TRACEX), TRACEX(ChartStyle.TRACEX), GRAALJS(ChartStyle.OTHER);

        final Color color;

        Kind(Color color) {
            this.color = color;
        }
    }

    /** One bar: the case it shows, its label, what it is. */
    record Bar(String name, String label, Kind kind) {
    }

    /**
     * The cases of {@code cold-start-report.py}, in groups; the first of each is its baseline. The primed
     * cases are left out: their totals include the priming, which SnapStart does before the snapshot.
     */
    static final List<List<Bar>> GROUPS = List.of(
            List.of(new Bar("empty", "empty handler", Kind.NO_TRACEX),
                    new Bar("yaml", "YAML rule", Kind.TRACEX)),
            List.of(new Bar("runtime-empty", "empty handler, runtime client", Kind.NO_TRACEX),
                    new Bar("runtime-yaml", "YAML rule, runtime client", Kind.TRACEX)),
            List.of(new Bar("empty-cds", "empty handler, AppCDS", Kind.NO_TRACEX),
                    new Bar("yaml-cds", "YAML rule, AppCDS", Kind.TRACEX)),
            List.of(new Bar("runtime-empty-cds", "empty handler, runtime client, AppCDS", Kind.NO_TRACEX),
                    new Bar("runtime-yaml-cds", "YAML rule, runtime client, AppCDS", Kind.TRACEX)),
            List.of(new Bar("typed-empty", "typed SQSEvent handler", Kind.NO_TRACEX),
                    new Bar("typed", "typed SQSEvent handler, YAML rule", Kind.TRACEX)),
            List.of(new Bar("empty-js", "empty handler, JS layout", Kind.NO_TRACEX),
                    new Bar("graal", "bare GraalJS Context", Kind.GRAALJS),
                    new Bar("graal-call", "GraalJS, one snippet called", Kind.GRAALJS),
                    new Bar("js", "JS rule", Kind.TRACEX)));

    private static final int CATEGORY_LABELS_WIDTH = 300;

    private ColdStartChart() {
    }

    /** Every case the charts show: all must be in the results. */
    static List<String> cases() {
        return GROUPS.stream().flatMap(List::stream).map(Bar::name).toList();
    }

    /** A height that gives each bar some 34 pixels. */
    static int height() {
        return 320 + 34 * cases().size() + 10 * GROUPS.size();
    }

    static JFreeChart time(ColdStartRuns runs, RunInfo info) {
        return chart(runs, info, new Measure(ColdStartRuns.Case::totalMs, " ms", true,
                "Cold start: JVM start to the first extracted context",
                "milliseconds, median of " + runs.runsPerCase() + " fresh JVMs per case", "milliseconds",
                "Runtime client: the real aws-lambda-java-runtime-interface-client, timed to the response reaching a loopback Runtime API."));
    }

    static JFreeChart memory(ColdStartRuns runs, RunInfo info) {
        return chart(runs, info, new Measure(ColdStartRuns.Case::peakRssMb, " MB", false,
                "Cold start: peak memory of the process (VmHWM)",
                "MB at the end of the first invocation, median of " + runs.runsPerCase() + " fresh JVMs per case", "MB",
                "Runtime client: the real aws-lambda-java-runtime-interface-client, against a loopback Runtime API."));
    }

    /** What one chart draws: a case's value, its unit, whether tracex's bars say their ratio, and the words around them. */
    private record Measure(ToDoubleFunction<ColdStartRuns.Case> value, String unit, boolean withRatio, String title,
                           String measured, String axisLabel, String runtimeClientNote) {
    }

    private static JFreeChart chart(ColdStartRuns runs, RunInfo info, Measure measure) {
        NumberAxis valueAxis = new NumberAxis(measure.axisLabel());
        ChartStyle.axis(valueAxis);
        valueAxis.setUpperMargin(0.5);
        CombinedRangeCategoryPlot plot = new CombinedRangeCategoryPlot(valueAxis);
        plot.setGap(10);
        AxisSpace labels = new AxisSpace();
        labels.setLeft(CATEGORY_LABELS_WIDTH);
        for (List<Bar> group : GROUPS) {
            double baseline = measure.value().applyAsDouble(runs.get(group.get(0).name()));
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            BarLabels itemLabels = new BarLabels();
            for (int i = 0; i < group.size(); i++) {
                Bar bar = group.get(i);
                double v = measure.value().applyAsDouble(runs.get(bar.name()));
                data.addValue(v, "median", bar.label());
                String over = i == 0 ? "" : "  (" + Numbers.signed(v - baseline, 0) + measure.unit()
                        + (measure.withRatio() && bar.kind() == Kind.TRACEX ? ", " + Numbers.ratio(v / baseline) : "") + ")";
                itemLabels.put("median", bar.label(), Numbers.fixed(v, 0) + measure.unit() + over);
            }
            CategoryAxis axis = new CategoryAxis();
            ChartStyle.axis(axis);
            axis.setCategoryMargin(0.3);
            axis.setMaximumCategoryLabelWidthRatio(1f);
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
            BarRenderer renderer = new BarRenderer() {
                @Override
                public Paint getItemPaint(int row, int column) {
                    return group.get(column).kind().color;
                }
            };
            ChartStyle.bars(renderer);
            renderer.setDefaultItemLabelGenerator(itemLabels);
            CategoryPlot subplot = new CategoryPlot(data, axis, null, renderer);
            ChartStyle.grid(subplot);
            subplot.setFixedDomainAxisSpace(labels);
            plot.add(subplot, group.size());
        }
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ChartStyle.grid(plot);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.legendItem("without tracex: the baseline of the bars below it", Kind.NO_TRACEX.color));
        legend.add(ChartStyle.legendItem("with tracex", Kind.TRACEX.color));
        legend.add(ChartStyle.legendItem("GraalJS alone", Kind.GRAALJS.color));
        return ChartStyle.chart(measure.title(), List.of(measure.measured(), info.jvm(), info.runLine()), plot, legend, List.of(
                "In brackets: the difference from the group's first bar" + (measure.withRatio() ? " (for tracex, and the ratio to it)." : "."),
                measure.runtimeClientNote(),
                "AppCDS: an application class-data sharing archive for each case. Setup and cases: benchmarks/README.md, \"Cold start\"."));
    }
}
