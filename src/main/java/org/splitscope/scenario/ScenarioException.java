package org.splitscope.scenario;

/**
 * A problem with a scenario, ptdump or meminfo file, with where it is: {@code file:line:column: cause}.
 * Line and column are 1-based; 0 means unknown.
 */
public class ScenarioException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String cause;

    public ScenarioException(String file, int line, int column, String cause) {
        super(format(file, line, column, cause));
        this.file = file;
        this.line = line;
        this.column = column;
        this.cause = cause;
    }

    private static String format(String file, int line, int column, String cause) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(cause).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The cause alone, without the location. */
    public String reason() {
        return cause;
    }
}
