package io.tradebook.cli;

import io.tradebook.core.backtest.GridAxis;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the strategy options of {@code tradebook backtest} into the run's strategies, each refusal
 * a {@link UserInputException} naming the option and the text:
 *
 * <pre>
 * --strategy [NAME=]CODE[:k=v,k=v…]   a strategy of the catalog, named NAME in the books (default: CODE)
 * --param [NAME.]k=v                  a parameter value (NAME. may be left out when there is one strategy)
 * --budget NAME=FRACTION              a segregated budget: FRACTION of the starting cash (default: the shared pool)
 * --symbols NAME=SYM[,SYM…]           the symbols NAME trades (default: every symbol of the run)
 * --grid [NAME.]k=FROM..TO:STEP|A,B,C  an axis of a grid search over one strategy's parameters
 * </pre>
 *
 * Stateless.
 */
final class StrategyOptions {
    private StrategyOptions() {
    }

    /** One parsed {@code --strategy}: its name, definition and the values given as text. */
    private record Spec(String name, StrategyDefinition definition, Map<String, String> values) {
    }

    static List<StrategyInstance> parse(StrategyCatalog catalog, List<String> strategies, List<String> params, List<String> budgets,
                                        List<String> symbols) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (String text : strategies) {
            Spec spec = strategy(catalog, text);
            if (specs.containsKey(spec.name())) {
                throw new UserInputException("--strategy: two strategies are named " + spec.name()
                        + "; name one of them: --strategy OTHERNAME=" + spec.definition().metadata().code() + "…");
            }
            specs.put(spec.name(), spec);
        }
        for (String text : params) {
            String[] target = target("--param", text, specs);
            String[] kv = keyValue("--param", target[1], text);
            Map<String, String> values = specs.get(target[0]).values();
            if (values.containsKey(kv[0])) {
                throw new UserInputException("--param " + text + ": parameter " + kv[0] + " of " + target[0] + " is given twice");
            }
            values.put(kv[0], kv[1]);
        }
        Map<String, BigDecimal> budget = new LinkedHashMap<>();
        for (String text : budgets) {
            String[] kv = keyValue("--budget", text, text);
            requireName("--budget", text, kv[0], specs);
            if (budget.containsKey(kv[0])) {
                throw new UserInputException("--budget " + text + ": " + kv[0] + " has a budget already");
            }
            budget.put(kv[0], fraction("--budget", text, kv[1]));
        }
        Map<String, List<String>> traded = new LinkedHashMap<>();
        for (String text : symbols) {
            String[] kv = keyValue("--symbols", text, text);
            requireName("--symbols", text, kv[0], specs);
            List<String> list = new ArrayList<>();
            for (String s : kv[1].split(",", -1)) {
                if (s.isBlank()) {
                    throw new UserInputException("--symbols " + text + ": an empty symbol");
                }
                list.add(s.strip());
            }
            if (traded.put(kv[0], list) != null) {
                throw new UserInputException("--symbols " + text + ": the symbols of " + kv[0] + " are given twice");
            }
        }
        List<StrategyInstance> instances = new ArrayList<>();
        for (Spec spec : specs.values()) {
            String code = spec.definition().metadata().code();
            Parameters values;
            try {
                values = Parameters.of(spec.definition().metadata().parameters(), spec.values());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("strategy " + spec.name() + (spec.name().equals(code) ? "" : " (" + code + ")") + ": "
                        + e.getMessage(), e);
            }
            try {
                instances.add(new StrategyInstance(spec.name(), spec.definition(), values, budget.get(spec.name()),
                        traded.getOrDefault(spec.name(), List.of())));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        return instances;
    }

    /** The grid axes, all of one strategy; returns that strategy's name first, then the axes. */
    static GridPlan grid(List<String> axes, List<StrategyInstance> strategies) {
        Map<String, Spec> names = new LinkedHashMap<>();
        strategies.forEach(s -> names.put(s.name(), new Spec(s.name(), s.definition(), new LinkedHashMap<>())));
        String strategy = null;
        List<GridAxis> parsed = new ArrayList<>();
        for (String text : axes) {
            String[] target = target("--grid", text, names);
            if (strategy != null && !strategy.equals(target[0])) {
                throw new UserInputException("--grid " + text + ": a grid varies one strategy, and " + strategy + " is varied already");
            }
            strategy = target[0];
            try {
                parsed.add(GridAxis.parse(target[1]));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--grid " + text + ": " + e.getMessage(), e);
            }
        }
        return new GridPlan(strategy, parsed);
    }

    /** The strategy a grid varies and its axes. */
    record GridPlan(String strategy, List<GridAxis> axes) {
    }

    private static Spec strategy(StrategyCatalog catalog, String text) {
        String head = text;
        String rest = null;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            head = text.substring(0, colon);
            rest = text.substring(colon + 1);
        }
        String name = null;
        String code = head.strip();
        int eq = head.indexOf('=');
        if (eq >= 0) {
            name = head.substring(0, eq).strip();
            code = head.substring(eq + 1).strip();
        }
        if (code.isEmpty()) {
            throw new UserInputException("--strategy " + text + ": no strategy code; the strategies are " + catalog.codes());
        }
        String wanted = code;
        StrategyDefinition definition = catalog.find(wanted).map(StrategyCatalog.Entry::definition).orElseThrow(() ->
                new UserInputException("--strategy " + text + ": unknown strategy '" + wanted + "'; the strategies are " + catalog.codes()));
        Map<String, String> values = new LinkedHashMap<>();
        if (rest != null) {
            for (String pair : rest.split(",", -1)) {
                String[] kv = keyValue("--strategy", pair, text);
                if (values.put(kv[0], kv[1]) != null) {
                    throw new UserInputException("--strategy " + text + ": parameter " + kv[0] + " is given twice");
                }
            }
        }
        return new Spec(name == null ? code : name, definition, values);
    }

    /** {@code [NAME.]rest}: the strategy named (or the only one) and the rest. */
    private static String[] target(String option, String text, Map<String, Spec> specs) {
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            if (specs.size() != 1) {
                throw new UserInputException(option + " " + text + ": the run has several strategies (" + String.join(", ", specs.keySet())
                        + "); say which: NAME." + text);
            }
            return new String[] {specs.keySet().iterator().next(), text};
        }
        String name = key.substring(0, dot);
        requireName(option, text, name, specs);
        return new String[] {name, text.substring(dot + 1)};
    }

    private static void requireName(String option, String text, String name, Map<String, Spec> specs) {
        if (!specs.containsKey(name)) {
            throw new UserInputException(option + " " + text + ": no strategy named '" + name + "' in the run; the strategies are "
                    + String.join(", ", specs.keySet()));
        }
    }

    private static String[] keyValue(String option, String pair, String whole) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
            throw new UserInputException(option + " " + whole + ": expected name=value, not '" + pair + "'");
        }
        return new String[] {pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()};
    }

    private static BigDecimal fraction(String option, String text, String value) {
        try {
            BigDecimal f = new BigDecimal(value);
            if (f.signum() > 0 && f.compareTo(BigDecimal.ONE) <= 0) {
                return f;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UserInputException(option + " " + text + ": a budget is a fraction of the cash above 0 and at most 1, not '" + value + "'");
    }
}
