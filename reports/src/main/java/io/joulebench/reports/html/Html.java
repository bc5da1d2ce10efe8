package io.joulebench.reports.html;

/** HTML escaping for text and attribute values (both quote kinds, so any attribute quoting is safe). */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * JSON inside a script element: "</" would end the element and "<!--" or "<script" would change how it is
     * parsed, so every "<" becomes the JSON escape \\u003c (stricter than "<\\/"). "<" only occurs inside JSON
     * strings, so the data parses back unchanged.
     */
    public static String scriptSafeJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
