package io.tradebook.bench;

import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.marketdata.BarCsv;
import io.tradebook.marketdata.BarFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a bar file whole with {@link BarCsv#read}: the bundled SPX daily file (5105 rows) and a
 * generated file of one million 1-minute OHLCV rows with 8-decimal volumes. Run with
 * {@code mvn -q test-compile && java -Xmx2g -cp "target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" org.openjdk.jmh.Main BarCsvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class BarCsvBenchmark {
    @Param({"spx", "1000000"})
    public String file;

    private Path path;
    private Timeframe timeframe;

    @Setup(Level.Trial)
    public void write() throws IOException {
        path = Files.createTempFile("bars-", ".csv");
        if (file.equals("spx")) {
            try (InputStream in = BarCsvBenchmark.class.getClassLoader().getResourceAsStream("marketdata/SPX_2000-01-03_2020-04-17_daily.csv")) {
                Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            timeframe = Timeframe.D1;
            return;
        }
        timeframe = Timeframe.M1;
        Random random = new Random(1);
        long price = 1_000_000;
        Instant time = Instant.parse("2020-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(path)) {
            out.write(BarCsv.OHLCV_HEADER + "\n");
            for (int i = 0; i < Integer.parseInt(file); i++, time = time.plusSeconds(60)) {
                long open = price;
                price = Math.max(1_000, price + random.nextInt(201) - 100);
                long high = Math.max(open, price) + random.nextInt(50);
                long low = Math.min(open, price) - random.nextInt(50);
                out.write(time + "," + decimal(open) + "," + decimal(high) + "," + decimal(low) + "," + decimal(price) + ","
                        + BigDecimal.valueOf(random.nextLong(10_000_000_000_000L), 8).toPlainString() + "\n");
            }
        }
    }

    private static String decimal(long tenThousandths) {
        return BigDecimal.valueOf(tenThousandths, 4).toPlainString();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    @Benchmark
    public BarFile read() {
        return BarCsv.read(path, "X", timeframe);
    }
}
