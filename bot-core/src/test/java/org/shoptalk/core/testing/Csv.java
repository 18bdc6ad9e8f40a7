package org.shoptalk.core.testing;

import java.util.ArrayList;
import java.util.List;

/** Reads CSV the strict RFC 4180 way our exports write it: a stray quote or an unquoted field fails the test. */
public final class Csv {
    private Csv() {}

    public static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            if (csv.charAt(i) != '"') {
                throw new AssertionError("unquoted field at " + i);
            }
            StringBuilder field = new StringBuilder();
            i++;
            while (true) {
                if (i >= csv.length()) {
                    throw new AssertionError("unterminated quoted field");
                }
                char c = csv.charAt(i);
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                } else if (c == '"') {
                    i++;
                    break;
                } else {
                    field.append(c);
                    i++;
                }
            }
            row.add(field.toString());
            if (csv.startsWith(",", i)) {
                i++;
            } else if (csv.startsWith("\r\n", i)) {
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                throw new AssertionError("expected , or CRLF at " + i);
            }
        }
        return rows;
    }
}
