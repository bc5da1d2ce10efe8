package io.joulebench.reports.table;

import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF ends every record. */
public final class Csv {
    public static final String EOL = "\r\n";

    private Csv() {
    }

    public static String field(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public static void record(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        sb.append(EOL);
    }
}
