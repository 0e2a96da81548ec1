package dev.nplusone.json;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Just enough streaming JSON for the report: objects, arrays, strings and numbers, indented. */
public final class JsonWriter {

    private final Writer out;
    /** One entry per open object or array: whether it has an element yet. */
    private final Deque<Boolean> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(Writer out) {
        this.out = out;
    }

    public JsonWriter beginObject() throws IOException {
        return begin('{');
    }

    public JsonWriter endObject() throws IOException {
        return end('}');
    }

    public JsonWriter beginArray() throws IOException {
        return begin('[');
    }

    public JsonWriter endArray() throws IOException {
        return end(']');
    }

    public JsonWriter name(String name) throws IOException {
        element();
        string(name);
        out.write(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) throws IOException {
        beforeValue();
        if (value == null) {
            out.write("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonWriter value(long value) throws IOException {
        beforeValue();
        out.write(Long.toString(value));
        return this;
    }

    public JsonWriter value(boolean value) throws IOException {
        beforeValue();
        out.write(Boolean.toString(value));
        return this;
    }

    public JsonWriter strings(List<String> values) throws IOException {
        beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    private JsonWriter begin(char bracket) throws IOException {
        beforeValue();
        out.write(bracket);
        open.push(Boolean.FALSE);
        return this;
    }

    private JsonWriter end(char bracket) throws IOException {
        boolean hadElements = open.pop();
        if (hadElements) {
            newline();
        }
        out.write(bracket);
        return this;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
        } else if (!open.isEmpty()) {
            element();
        }
    }

    /** A new member of the innermost object or array: comma, new line, indent. */
    private void element() throws IOException {
        if (open.pop()) {
            out.write(',');
        }
        open.push(Boolean.TRUE);
        newline();
    }

    private void newline() throws IOException {
        out.write('\n');
        for (int i = 0; i < open.size(); i++) {
            out.write("  ");
        }
    }

    private void string(String s) throws IOException {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.write("\\\"");
                    break;
                case '\\':
                    out.write("\\\\");
                    break;
                case '\n':
                    out.write("\\n");
                    break;
                case '\r':
                    out.write("\\r");
                    break;
                case '\t':
                    out.write("\\t");
                    break;
                default:
                    // Control characters are not allowed raw; U+2028/9 break JavaScript that embeds
                    // the text; a surrogate without its pair cannot be encoded as UTF-8 at all.
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f || unpairedSurrogate(s, i)) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
            }
        }
        out.write('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
