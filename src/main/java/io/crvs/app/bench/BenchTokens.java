package io.crvs.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Gets one access token over HTTP before a benchmark starts. */
final class BenchTokens {
    private BenchTokens() {
    }

    static String fetch(String host, int port, byte[] tokenRequest) throws IOException {
        try (var socket = new Socket(host, port)) {
            var out = socket.getOutputStream();
            out.write(tokenRequest);
            out.flush();
            var in = new BufferedInputStream(socket.getInputStream());
            int contentLength = -1;
            for (var line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            var body = new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(body).get("access_token").asText();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var builder = new StringBuilder();
        for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
            if (c != '\r') {
                builder.append((char) c);
            }
        }
        return builder.toString();
    }
}
