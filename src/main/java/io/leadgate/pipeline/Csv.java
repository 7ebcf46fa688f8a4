package io.leadgate.pipeline;

import java.math.BigDecimal;
import java.util.List;

/**
 * A table as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break in double
 * quotes with quotes doubled). Text cells that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage
 * return first) get a leading apostrophe; numbers are written as they are. Pure.
 */
public final class Csv {

    public static final String TYPE = "text/csv;charset=UTF-8";

    private Csv() {
    }

    /** A table: a header row and rows of text or numbers (null = empty). */
    public record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    public static String write(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(table.header()));
        table.rows().forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
