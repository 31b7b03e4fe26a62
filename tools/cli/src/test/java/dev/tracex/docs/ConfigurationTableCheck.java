package dev.tracex.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration table lists exactly what the code reads. The table is the one right after
 * {@code <!-- configuration-table -->}; its first column is the name in backticks, its second the kind,
 * {@code environment} or {@code system property}. Every name the code reads ({@link ConfigurationReads})
 * has a row of the right kind, and every row names something the code reads: a variable renamed, added or
 * dropped in the code fails the build until the table says so.
 */
final class ConfigurationTableCheck {
    static final String MARKER = "configuration-table";
    private static final Pattern MARKER_LINE = Pattern.compile("^\\s*<!--\\s*" + MARKER + "\\s*-->\\s*$");
    private static final Pattern NAME = Pattern.compile("^`([^`]+)`$");

    /** A row of the table. */
    record Row(String name, String kind, int line) {
    }

    private final ConfigurationReads code;

    ConfigurationTableCheck(ConfigurationReads code) {
        this.code = code;
    }

    /** The line of each configuration table marker on the page. */
    static List<Integer> markers(MarkdownPage page) {
        List<Integer> out = new ArrayList<>();
        List<String> lines = page.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (MARKER_LINE.matcher(lines.get(i)).matches()) {
                out.add(i + 1);
            }
        }
        return out;
    }

    List<Problem> check(MarkdownPage page) {
        List<Problem> problems = new ArrayList<>();
        for (int marker : markers(page)) {
            Map<String, Row> rows = new LinkedHashMap<>();
            for (Row row : rows(page, marker, problems)) {
                if (rows.putIfAbsent(row.name(), row) != null) {
                    problems.add(page.problem(row.line(), "`" + row.name() + "` has two rows"));
                }
            }
            if (rows.isEmpty()) {
                problems.add(page.problem(marker, "no table after <!-- " + MARKER + " -->"));
                continue;
            }
            for (Row row : rows.values()) {
                ConfigurationReads.Read read = code.reads().get(row.name());
                if (read == null) {
                    problems.add(page.problem(row.line(), "`" + row.name() + "` is in the configuration table, but no code reads it"));
                } else if (!read.kind().label.equals(row.kind())) {
                    problems.add(page.problem(row.line(), "`" + row.name() + "` is a " + read.kind().label + " (" + read.where()
                            + "), the table says " + row.kind()));
                }
            }
            for (ConfigurationReads.Read read : code.reads().values()) {
                if (!rows.containsKey(read.name())) {
                    problems.add(page.problem(marker, "`" + read.name() + "` is read by the code (" + read.where()
                            + ") but not in the configuration table"));
                }
            }
        }
        return problems;
    }

    private static List<Row> rows(MarkdownPage page, int marker, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = page.lines();
        int i = marker;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        int header = i;
        for (; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
            if (i < header + 2) {
                continue; // the header row and the |---| row
            }
            String[] cells = lines.get(i).strip().split("(?<!\\\\)\\|");
            String first = cells.length > 1 ? cells[1].strip() : "";
            String kind = cells.length > 2 ? cells[2].strip() : "";
            Matcher m = NAME.matcher(first);
            if (!m.matches()) {
                problems.add(page.problem(i + 1, "a configuration row starts with the name in backticks, e.g. | `DD_LOG_LEVEL` | environment | ..."));
                continue;
            }
            rows.add(new Row(m.group(1), kind, i + 1));
        }
        return rows;
    }
}
