package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.model.Backtest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A backtest's table: the model and the size baselines, side by side on the test period. */
final class BacktestReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final List<String> COLUMNS = columns();

  private BacktestReport() {}

  private static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("AUC"));
    for (double share : Backtest.CAPTURE_SHARES) {
      columns.add(String.format(Locale.ROOT, "top %d%%", Math.round(share * 100)));
    }
    columns.addAll(List.of("R@20%E", "E@20%R", "Popt"));
    return List.copyOf(columns);
  }

  static String text(Backtest backtest) {
    StringBuilder out = new StringBuilder();
    for (String line : header(backtest)) {
      out.append(line).append('\n');
    }
    out.append('\n');
    int width =
        backtest.evaluations().stream().mapToInt(e -> e.name().length()).max().orElse(5) + 2;
    out.append(" ".repeat(width));
    for (String column : COLUMNS) {
      out.append(String.format(Locale.ROOT, "%8s", column));
    }
    out.append('\n');
    for (Backtest.Evaluation evaluation : backtest.evaluations()) {
      out.append(String.format(Locale.ROOT, "%-" + width + "s", evaluation.name()));
      for (double figure : figures(evaluation)) {
        out.append(String.format(Locale.ROOT, "%8s", number(figure)));
      }
      out.append('\n');
    }
    out.append('\n');
    for (String line : footer(backtest)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  static String markdown(Backtest backtest) {
    StringBuilder out = new StringBuilder("## Scrutineer backtest\n\n");
    for (String line : header(backtest)) {
      out.append(line).append("  \n");
    }
    out.append("\n| ranking | ").append(String.join(" | ", COLUMNS)).append(" |\n|---|");
    out.append("---:|".repeat(COLUMNS.size())).append('\n');
    for (Backtest.Evaluation evaluation : backtest.evaluations()) {
      out.append("| ").append(evaluation.name());
      for (double figure : figures(evaluation)) {
        out.append(" | ").append(number(figure));
      }
      out.append(" |\n");
    }
    out.append('\n');
    for (String line : footer(backtest)) {
      out.append(line).append("  \n");
    }
    return out.toString();
  }

  static String json(Backtest backtest, String toolVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("report", "backtest");
    root.putObject("tool").put("name", "scrutineer").put("version", toolVersion);
    root.put("repository", backtest.repository());
    root.put("from", backtest.from().toString());
    root.put("split", backtest.split().toString());
    root.put("to", backtest.to().toString());
    root.put("trainCommits", backtest.trainCommits());
    root.put("testCommits", backtest.testCommits());
    root.put("fixes", backtest.fixes());
    root.put("trainBugInducing", backtest.trainBugInducing());
    root.put("testBugInducing", backtest.testBugInducing());
    ArrayNode evaluations = root.putArray("evaluations");
    for (Backtest.Evaluation e : backtest.evaluations()) {
      ObjectNode node = evaluations.addObject();
      node.put("name", e.name());
      put(node, "auc", e.auc());
      ArrayNode capture = node.putArray("capture");
      for (int i = 0; i < e.capture().size(); i++) {
        ObjectNode point = capture.addObject().put("share", Backtest.CAPTURE_SHARES.get(i));
        put(point, "recall", e.capture().get(i));
      }
      put(node, "recallAt20PercentEffort", e.recallAt20Effort());
      put(node, "effortAt20PercentRecall", e.effortAt20Recall());
      put(node, "popt", e.popt());
    }
    ArrayNode weights = root.putArray("weights");
    backtest
        .weights()
        .forEach(w -> weights.addObject().put("id", w.id()).put("weight", w.weight()));
    root.put("model", backtest.model());
    backtest.savedTo().ifPresentOrElse(p -> root.put("savedTo", p), () -> root.putNull("savedTo"));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static void put(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static List<String> header(Backtest b) {
    return List.of(
        String.format(
            Locale.ROOT,
            "Backtest of %s: commits from %s to %s, split at %s",
            b.repository(),
            day(b.from()),
            day(b.to()),
            day(b.split())),
        String.format(
            Locale.ROOT,
            "train: %d commits, %d bug-inducing by fixes made before the split",
            b.trainCommits(),
            b.trainBugInducing()),
        String.format(
            Locale.ROOT,
            "test: %d commits, %d bug-inducing by any fix (%d fixes found in the range)",
            b.testCommits(),
            b.testBugInducing(),
            b.fixes()));
  }

  private static List<String> footer(Backtest b) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "top N%: share of the test period's bug-inducing changes among the N% ranked first."
            + " R@20%E: share found reading 20% of changed lines in rank order; E@20%R: share of"
            + " lines read to find 20%; Popt: effort-aware, 1 optimal, 0 worst.");
    StringBuilder weights = new StringBuilder("weights (log-odds per standard deviation):");
    b.weights().stream()
        .filter(w -> w.weight() > 0)
        .forEach(w -> weights.append(String.format(Locale.ROOT, " %s %.2f", w.id(), w.weight())));
    long zero = b.weights().stream().filter(w -> w.weight() == 0).count();
    if (zero > 0) {
      weights.append(String.format(Locale.ROOT, "; %d at zero", zero));
    }
    lines.add(weights.toString());
    lines.add("model: " + b.model());
    b.savedTo()
        .ifPresent(p -> lines.add("saved to " + p + "; analyze uses it for this repository"));
    return lines;
  }

  private static double[] figures(Backtest.Evaluation e) {
    double[] figures = new double[COLUMNS.size()];
    figures[0] = e.auc();
    for (int i = 0; i < e.capture().size(); i++) {
      figures[1 + i] = e.capture().get(i);
    }
    figures[figures.length - 3] = e.recallAt20Effort();
    figures[figures.length - 2] = e.effortAt20Recall();
    figures[figures.length - 1] = e.popt();
    return figures;
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String day(java.time.Instant time) {
    return time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
