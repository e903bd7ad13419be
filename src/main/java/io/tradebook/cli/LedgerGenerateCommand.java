package io.tradebook.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook ledger generate}: writes a synthetic, deterministic fill history (random-walk
 * prices, whole and fractional quantities, longs, shorts and flips across accounts, strategies
 * and symbols) to measure {@code ledger replay} on large inputs. The same seed gives the same file.
 */
@Command(name = "generate", description = "Write a synthetic fill history for benchmarks (deterministic per seed).")
final class LedgerGenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fills", defaultValue = "1000000", description = "Number of fills (default ${DEFAULT-VALUE}).")
    int fills;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, description = "Output file (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (fills < 1) {
            throw new UserInputException("--fills must be at least 1");
        }
        Writer w = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        try {
            write(w);
        } finally {
            if (output == null) {
                w.flush();
            } else {
                w.close();
            }
        }
        return 0;
    }

    private void write(Writer w) throws IOException {
        String[] accounts = {"acct-1", "acct-2", "acct-3"};
        String[] strategies = {"sma_cross", "rsi_bot", "breakout", "mean_rev", "momentum"};
        int symbolCount = 20;
        double[] prices = new double[symbolCount];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < symbolCount; i++) {
            prices[i] = 20 + random.nextDouble() * 480;
        }
        Instant time = Instant.parse("2020-01-02T14:30:00Z");
        w.write(FillHistoryReader.HEADER);
        w.write('\n');
        for (String account : accounts) {
            w.write(time + "," + account + ",,,DEPOSIT,1000000,,\n");
        }
        for (int n = 0; n < fills; n++) {
            time = time.plusMillis(250 + random.nextInt(2000));
            int s = random.nextInt(symbolCount);
            prices[s] = Math.max(1, prices[s] * (1 + (random.nextDouble() - 0.5) * 0.004));
            boolean crypto = s >= symbolCount - 3;
            // prices are generated as doubles and written as exact 2- or 4-decimal text: the books only ever see the text
            BigDecimal price = BigDecimal.valueOf(prices[s]).setScale(crypto ? 4 : 2, RoundingMode.HALF_EVEN);
            BigDecimal quantity = crypto
                    ? BigDecimal.valueOf(1 + random.nextInt(100_000_000)).movePointLeft(8)
                    : BigDecimal.valueOf(1 + random.nextInt(200));
            BigDecimal fee = quantity.multiply(price).multiply(new BigDecimal("0.0005")).setScale(2, RoundingMode.HALF_EVEN);
            w.write(time.toString());
            w.write(',');
            w.write(accounts[random.nextInt(accounts.length)]);
            w.write(',');
            w.write(strategies[random.nextInt(strategies.length)]);
            w.write(crypto ? ",COIN" : ",STK");
            w.write(Integer.toString(s));
            w.write(random.nextBoolean() ? ",BUY," : ",SELL,");
            w.write(quantity.toPlainString());
            w.write(',');
            w.write(price.toPlainString());
            w.write(',');
            w.write(fee.toPlainString());
            w.write('\n');
        }
    }
}
