package io.crvs.app.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A lean closed-loop HTTP/1.1 load generator: {@code concurrency} keep-alive connections, each sending a
 * pre-built request and reading the whole response before the next. It parses only what it must (status line,
 * Content-Length, chunked bodies), so on a 2-core machine most CPU stays with the server being measured.
 */
final class LoadGenerator {
    private final String host;
    private final int port;

    LoadGenerator(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Runs for {@code seconds} with {@code concurrency} connections; {@code requests} gives each connection (by
     * index) the source of its request bytes, asked once per request.
     */
    Result run(int concurrency, double seconds, IntFunction<Supplier<byte[]>> requests) throws InterruptedException {
        return closedLoop(concurrency, seconds, index -> {
            var source = requests.apply(index);
            return (latencies, stop, errors) -> loop(source, latencies, stop, errors);
        });
    }

    /**
     * One client of a closed loop: sends one operation after another until {@code stop}, records each latency (in
     * nanoseconds) in {@code latencies} while there is room, counts failures in {@code errors}, and returns how many
     * operations it completed.
     */
    @FunctionalInterface
    interface Client {
        int run(long[] latencies, AtomicBoolean stop, AtomicLong errors);
    }

    /** Runs {@code concurrency} clients (by index) on virtual threads for {@code seconds}; their combined result. */
    static Result closedLoop(int concurrency, double seconds, IntFunction<Client> clients) throws InterruptedException {
        var stop = new AtomicBoolean();
        var errors = new AtomicLong();
        var samples = new ArrayList<long[]>();
        var counts = new int[concurrency];
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < concurrency; i++) {
            var latencies = new long[1 << 17];
            samples.add(latencies);
            int index = i;
            var client = clients.apply(i);
            threads.add(Thread.ofVirtual().start(() -> counts[index] = client.run(latencies, stop, errors)));
        }
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (var thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return Result.of(samples, counts, errors.get(), elapsed);
    }

    private int loop(Supplier<byte[]> requests, long[] latencies, AtomicBoolean stop, AtomicLong errors) {
        int count = 0;
        while (!stop.get()) {
            try (var socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(30_000);
                var out = socket.getOutputStream();
                var in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                while (!stop.get()) {
                    var request = requests.get();
                    long begin = System.nanoTime();
                    int status = exchange(out, in, request);
                    long took = System.nanoTime() - begin;
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    if (count < latencies.length) {
                        latencies[count] = took;
                    }
                    count++;
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
        return count;
    }

    static int exchange(OutputStream out, InputStream in, byte[] request) throws IOException {
        out.write(request);
        out.flush();
        var statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (var header = line(in); !header.isEmpty(); header = line(in)) {
            var lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                in.skipNBytes(size + 2);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        var builder = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                builder.append((char) c);
            }
        }
        return builder.toString();
    }

    static byte[] post(String host, String path, String contentType, String body, String... headers) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + bytes.length + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        var request = Arrays.copyOf(head.toString().getBytes(StandardCharsets.ISO_8859_1),
                head.length() + bytes.length);
        System.arraycopy(bytes, 0, request, head.length(), bytes.length);
        return request;
    }

    static byte[] get(String host, String path, String... headers) {
        var head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Throughput and latency of one run. */
    record Result(long requests, long errors, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }

        static Result of(List<long[]> samples, int[] counts, long errors, double seconds) {
            long total = 0;
            for (int count : counts) {
                total += count;
            }
            var all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
            int at = 0;
            for (int i = 0; i < samples.size(); i++) {
                int n = Math.min(counts[i], samples.get(i).length);
                System.arraycopy(samples.get(i), 0, all, at, n);
                at += n;
            }
            var sorted = Arrays.copyOf(all, at);
            Arrays.sort(sorted);
            return new Result(total, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        private static double percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
