package io.crvs.platform.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the country CSV files in OpenCRVS's format (a header row, comma separated, quoted cells allowed) with
 * Commons CSV. Each row is a map from header to trimmed cell, with its line number for error messages. Anything
 * unreadable (bad UTF-8, an unclosed quote, a short row, a duplicate header) is a {@link CsvException} that says
 * on which line.
 */
public final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvRows() {
    }

    /** One data row. */
    public record Row(long line, Map<String, String> cells) {
        public String get(String column) {
            var value = cells.get(column);
            if (value == null) {
                throw new CsvException(line, "no column " + column);
            }
            return value;
        }
    }

    /** A whole file: its header (column names in order) and its data rows. */
    public record Table(List<String> header, List<Row> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** A file that cannot be read as CSV; {@code line} is 0 when the problem is not on one line. */
    public static final class CsvException extends IllegalArgumentException {
        private final long line;

        public CsvException(long line, String message) {
            super(line > 0 ? "line " + line + ": " + message : message);
            this.line = line;
        }

        public long line() {
            return line;
        }

        /** The message without the {@code line N: } prefix. */
        public String reason() {
            var message = getMessage();
            return line > 0 ? message.substring(message.indexOf(": ") + 2) : message;
        }
    }

    public static List<Row> classpath(String resource) {
        return classpathTable(resource).rows();
    }

    public static Table classpathTable(String resource) {
        try (var stream = CsvRows.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return table(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a file as strict UTF-8 (a leading byte-order mark, as spreadsheets write, is skipped). */
    public static Table file(Path path) throws IOException {
        try (var stream = Files.newInputStream(path)) {
            return table(stream);
        }
    }

    public static List<Row> parse(Reader reader) throws IOException {
        return table(reader).rows();
    }

    private static Table table(InputStream stream) throws IOException {
        var bytes = stream.readAllBytes();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvException(0, "is not UTF-8 text");
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return table(new StringReader(text));
    }

    public static Table table(Reader reader) throws IOException {
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // Commons CSV refuses duplicate or empty header names here.
            throw new CsvException(1, "bad header: " + e.getMessage());
        }
        try (parser) {
            var header = parser.getHeaderNames();
            var rows = new ArrayList<Row>();
            var records = parser.iterator();
            while (true) {
                org.apache.commons.csv.CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new CsvException(parser.getCurrentLineNumber() + 1, "malformed CSV: "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                }
                if (record.size() != header.size()) {
                    throw new CsvException(parser.getCurrentLineNumber(), record.size() + " cells, the header has "
                            + header.size());
                }
                var cells = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                rows.add(new Row(parser.getCurrentLineNumber(), cells));
            }
            return new Table(header, rows);
        }
    }
}
