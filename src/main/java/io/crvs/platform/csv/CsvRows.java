package io.crvs.platform.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads the country CSV files in OpenCRVS's format (a header row, comma separated, quoted cells allowed) with
 * Commons CSV. Each row is a map from header to trimmed cell, with its line number for error messages.
 */
public final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvRows() {
    }

    /** One data row. */
    public record Row(long line, Map<String, String> cells) {
        public String get(String column) {
            var value = cells.get(column);
            if (value == null) {
                throw new IllegalArgumentException("line " + line + ": no column " + column);
            }
            return value;
        }
    }

    public static List<Row> classpath(String resource) {
        var stream = CsvRows.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> parse(Reader reader) throws IOException {
        var rows = new ArrayList<Row>();
        try (var parser = FORMAT.parse(reader)) {
            var header = parser.getHeaderNames();
            for (var record : parser) {
                if (record.size() != header.size()) {
                    throw new IllegalArgumentException("line " + parser.getCurrentLineNumber() + ": " + record.size()
                            + " cells, the header has " + header.size());
                }
                var cells = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                rows.add(new Row(parser.getCurrentLineNumber(), cells));
            }
        }
        return rows;
    }
}
