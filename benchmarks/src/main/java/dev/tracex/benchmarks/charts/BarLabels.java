package dev.tracex.benchmarks.charts;

import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

import java.util.HashMap;
import java.util.Map;

/** The label at the end of each bar, written beforehand, by series and category. */
final class BarLabels implements CategoryItemLabelGenerator {
    private final Map<String, String> labels = new HashMap<>();

    BarLabels put(Comparable<?> series, Comparable<?> category, String label) {
        labels.put(key(series, category), label);
        return this;
    }

    /** The label of the bar of {@code series} for {@code category}, or null (no label). */
    String get(Comparable<?> series, Comparable<?> category) {
        return labels.get(key(series, category));
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
        return get(dataset.getRowKey(row), dataset.getColumnKey(column));
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
        return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
        return dataset.getColumnKey(column).toString();
    }

    private static String key(Comparable<?> series, Comparable<?> category) {
        return series + "\n" + category;
    }
}
