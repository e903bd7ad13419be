package io.tradebook.marketdata;

/**
 * A bar file that cannot be read as bars: missing, empty, a wrong header, or a row that is
 * malformed or contradicts another (a bad number or date, high below low, a negative volume, rows
 * out of time order, two rows at one time with different values). The message names the file,
 * the data row and the line, and what is wrong; a reader that throws this returns no bars at all,
 * so a caller that imports only after a successful read imports nothing from a bad file.
 */
public final class BarFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int row;
    private final int line;

    /** A problem with row {@code row} (1 = first data row) on line {@code line} (1 = header) of {@code source}. */
    BarFileException(String source, int row, int line, String problem) {
        super(source + ": row " + row + " (line " + line + "): " + problem);
        this.source = source;
        this.row = row;
        this.line = line;
    }

    /** A problem with the file as a whole (missing, empty, its header). */
    BarFileException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.row = 0;
        this.line = 0;
    }

    BarFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.row = 0;
        this.line = 0;
    }

    /** The file (or resource) name. */
    public String source() {
        return source;
    }

    /** The data row at fault (1 = the first row after the header), 0 when the whole file is. */
    public int row() {
        return row;
    }

    /** The line at fault (1 = the header), 0 when the whole file is. */
    public int line() {
        return line;
    }
}
