package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.model.RiskFactor;
import dev.scrutineer.model.ScoredCommit;
import java.util.List;
import java.util.Locale;

/** One row per scored commit: id, score, tier and the top factors, as CSV or JSON lines. */
public enum ScoreReport {
  CSV {
    @Override
    public String header() {
      return "commit,score,tier,factor1,factor2,factor3\n";
    }

    @Override
    public String row(ScoredCommit scored) {
      StringBuilder row =
          new StringBuilder(scored.commitId())
              .append(',')
              .append(score(scored))
              .append(',')
              .append(scored.risk().tier().id());
      List<RiskFactor> top = top(scored);
      for (int i = 0; i < TOP; i++) {
        row.append(',');
        if (i < top.size()) {
          row.append(quoted(Summaries.factorLine(top.get(i))));
        }
      }
      return row.append('\n').toString();
    }
  },
  JSONL {
    @Override
    public String header() {
      return "";
    }

    @Override
    public String row(ScoredCommit scored) {
      ObjectNode node = JSON.createObjectNode();
      node.put("commit", scored.commitId());
      node.put("score", scored.risk().score());
      node.put("tier", scored.risk().tier().id());
      node.put("model", scored.risk().model());
      ArrayNode factors = node.putArray("factors");
      for (RiskFactor factor : top(scored)) {
        factors
            .addObject()
            .put("id", factor.id())
            .put("contribution", factor.contribution())
            .put("because", factor.because());
      }
      try {
        return JSON.writeValueAsString(node) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree failed to serialise", e);
      }
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TOP = 3;

  /** Written once before the rows. */
  public abstract String header();

  public abstract String row(ScoredCommit scored);

  private static List<RiskFactor> top(ScoredCommit scored) {
    return scored.risk().factors().stream().limit(TOP).toList();
  }

  private static String score(ScoredCommit scored) {
    return String.format(Locale.ROOT, "%.4f", scored.risk().score());
  }

  /** RFC 4180: quote every text field, doubling quotes inside it. */
  private static String quoted(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
