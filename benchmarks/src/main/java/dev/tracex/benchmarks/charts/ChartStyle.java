package dev.tracex.benchmarks.charts;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The look all charts share, made to be read on GitHub in its light and dark themes: an opaque white
 * background, dark text, fonts large enough at the page's width, flat bars in colours that stay apart
 * for colour-blind readers, {@value #WIDTH} pixels wide.
 */
final class ChartStyle {
    static final int WIDTH = 900;

    static final Color TRACEX = new Color(0x1f, 0x77, 0xb4);
    static final Color TRACEX_LIGHT = new Color(0x7f, 0xb8, 0xe0);
    static final Color NO_TRACEX = new Color(0x9a, 0x9a, 0x9a);
    static final Color OTHER = new Color(0xe6, 0x7e, 0x22);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xd0, 0xd0, 0xd0);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private ChartStyle() {
    }

    /** A chart with its title, the lines under it (what is measured, then {@link RunInfo#runLine()}), a legend and notes below. */
    static JFreeChart chart(String title, List<String> subtitles, Plot plot, LegendItemCollection legend, List<String> notes) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(10, 14, 10, 18));
        chart.getTitle().setPaint(TEXT);
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        for (String s : subtitles) {
            chart.addSubtitle(text(s, SUBTITLE, RectangleEdge.TOP));
        }
        LegendTitle legendTitle = new LegendTitle(() -> legend);
        legendTitle.setItemFont(LABEL);
        legendTitle.setItemPaint(TEXT);
        legendTitle.setBackgroundPaint(Color.WHITE);
        legendTitle.setFrame(BlockBorder.NONE);
        legendTitle.setPosition(RectangleEdge.TOP);
        legendTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legendTitle.setMargin(new RectangleInsets(8, 0, 4, 0));
        chart.addSubtitle(legendTitle);
        // Titles at the bottom stack upwards from the edge: the first note added last.
        for (int i = notes.size() - 1; i >= 0; i--) {
            chart.addSubtitle(text(notes.get(i), SMALL, RectangleEdge.BOTTOM));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        return chart;
    }

    /** A legend entry: a square of {@code paint}. */
    static LegendItem legendItem(String label, Paint paint) {
        LegendItem item = new LegendItem(label, paint);
        item.setLabelFont(LABEL);
        item.setLabelPaint(TEXT);
        return item;
    }

    /** The value gridlines in light grey behind the bars; no category gridlines. */
    static void grid(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    }

    /** Flat bars, no shadow or outline, each labelled at its end. */
    static void bars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SMALL);
        renderer.setDefaultItemLabelPaint(TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelInsets(new RectangleInsets(0, 6, 0, 6));
    }

    /** Axis fonts and colours. */
    static void axis(Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(LABEL);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(NO_TRACEX);
    }

    /** The chart as a PNG without an alpha channel: opaque on any page background. */
    static void writePng(JFreeChart chart, Path file, int height) throws IOException {
        BufferedImage image = chart.createBufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB, null);
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }

    private static TextTitle text(String s, Font font, RectangleEdge edge) {
        TextTitle t = new TextTitle(s, font, TEXT, edge, HorizontalAlignment.LEFT, VerticalAlignment.CENTER,
                new RectangleInsets(2, 0, 2, 0));
        t.setTextAlignment(HorizontalAlignment.LEFT);
        return t;
    }
}
