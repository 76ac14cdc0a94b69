package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.AuditReport.AuditedChange;
import dev.scrutineer.model.AuditReport.Trend;
import dev.scrutineer.model.RiskTier;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audit's output formats. JSON follows {@code schema/audit-v1.schema.json}; CSV has one row per
 * change with the same columns as the tables, for spreadsheets.
 */
public enum AuditFormat {
  TEXT {
    @Override
    public String render(AuditReport report, String toolVersion) {
      StringBuilder out = new StringBuilder("Review audit (" + report.source() + ")\n\n");
      report.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
      out.append("rule: ").append(report.rubberStampRule()).append("\n\n");
      table(out, report, false);
      return out.toString();
    }
  },
  MARKDOWN {
    @Override
    public String render(AuditReport report, String toolVersion) {
      StringBuilder out = new StringBuilder("## Review audit (" + report.source() + ")\n\n");
      out.append(String.join("\n>\n", report.notes().stream().map(n -> "> " + n).toList()))
          .append(report.notes().isEmpty() ? "" : "\n\n");
      out.append("**Rubber-stamp rule:** ").append(report.rubberStampRule()).append("\n\n");
      table(out, report, true);
      return out.toString();
    }
  },
  JSON {
    @Override
    public String render(AuditReport report, String toolVersion) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("schemaVersion", 1);
      root.putObject("tool").put("name", "scrutineer").put("version", toolVersion);
      root.put("source", report.source());
      ArrayNode notes = root.putArray("notes");
      report.notes().forEach(notes::add);
      root.put("rubberStampRule", report.rubberStampRule());
      ArrayNode changes = root.putArray("changes");
      for (AuditedChange c : report.changes()) {
        ObjectNode node = changes.addObject();
        c.number().ifPresentOrElse(n -> node.put("number", n), () -> node.putNull("number"));
        node.put("title", c.title());
        node.put("author", c.author());
        node.put("mergedAt", c.mergedAt().toString());
        c.mergeCommit()
            .ifPresentOrElse(m -> node.put("mergeCommit", m), () -> node.putNull("mergeCommit"));
        node.put("linesChanged", c.linesChanged());
        node.put("filesChanged", c.filesChanged());
        c.tier().ifPresentOrElse(t -> node.put("riskTier", t.id()), () -> node.putNull("riskTier"));
        node.put("aiLevel", c.aiLevel().id());
        putNumber(node, "minutesToFirstReview", c.minutesToFirstReview());
        putNumber(node, "minutesToApproval", c.minutesToApproval());
        c.reviewComments()
            .ifPresentOrElse(
                n -> node.put("reviewComments", n), () -> node.putNull("reviewComments"));
        ArrayNode approvers = node.putArray("approvers");
        c.approvers().forEach(approvers::add);
        c.rubberStamp()
            .ifPresentOrElse(r -> node.put("rubberStamp", r), () -> node.putNull("rubberStamp"));
      }
      ArrayNode trends = root.putArray("trends");
      for (Trend t : report.trends()) {
        ObjectNode node = trends.addObject();
        node.put("month", t.month());
        node.put("aiAssisted", t.aiAssisted());
        node.put("changes", t.changes());
        node.put("linesChanged", t.linesChanged());
        putNumber(node, "reviewMinutesPer100Lines", t.reviewMinutesPer100Lines());
        putNumber(node, "commentsPerChange", t.commentsPerChange());
      }
      try {
        return MAPPER.writeValueAsString(root) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree failed to serialise", e);
      }
    }
  },
  CSV {
    @Override
    public String render(AuditReport report, String toolVersion) {
      StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
      for (AuditedChange c : report.changes()) {
        out.append(String.join(",", cells(c, true).stream().map(AuditFormat::csv).toList()))
            .append('\n');
      }
      return out.toString();
    }
  };

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final List<String> COLUMNS =
      List.of(
          "pr",
          "merged",
          "title",
          "author",
          "lines",
          "files",
          "tier",
          "ai",
          "first_review_min",
          "approval_min",
          "comments",
          "approvers",
          "rubber_stamp");

  public abstract String render(AuditReport report, String toolVersion);

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static void table(StringBuilder out, AuditReport report, boolean markdown) {
    out.append(markdown ? "### Changes\n\n" : "Changes\n");
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> under = new ArrayList<>();
    for (AuditedChange c : report.changes()) {
      List<String> cells = cells(c, false);
      rows.add(
          List.of(
              cells.get(0),
              cells.get(1),
              cells.get(4),
              cells.get(6),
              cells.get(7),
              cells.get(8),
              cells.get(9),
              cells.get(10),
              cells.get(11).isEmpty() ? "-" : cells.get(11),
              markdown
                  ? c.title() + c.rubberStamp().map(r -> " **rubber stamp:** " + r).orElse("")
                  : ""));
      under.add(
          c.rubberStamp()
              .map(r -> List.of(c.title(), "RUBBER STAMP: " + r))
              .orElse(List.of(c.title())));
    }
    List<String> header =
        List.of(
            "PR",
            "merged",
            "lines",
            "tier",
            "AI",
            "1st review min",
            "approval min",
            "comments",
            "approvers",
            markdown ? "title" : "");
    grid(out, header, rows, under, markdown);
    long stamps = report.changes().stream().filter(c -> c.rubberStamp().isPresent()).count();
    out.append(markdown ? "\n" : "")
        .append(report.changes().size())
        .append(" changes, ")
        .append(stamps)
        .append(" flagged as rubber stamps\n\n");
    out.append(markdown ? "### Monthly trends\n\n" : "Monthly trends\n");
    List<List<String>> trends = new ArrayList<>();
    for (Trend t : report.trends()) {
      trends.add(
          List.of(
              t.month(),
              t.aiAssisted() ? "yes" : "no",
              Integer.toString(t.changes()),
              Integer.toString(t.linesChanged()),
              number(t.reviewMinutesPer100Lines()),
              number(t.commentsPerChange())));
    }
    grid(
        out,
        List.of(
            "month", "AI-assisted", "changes", "lines", "review min/100 lines", "comments/change"),
        trends,
        List.of(),
        markdown);
  }

  /** A Markdown table, or columns padded to their widest cell with lines under each row. */
  private static void grid(
      StringBuilder out,
      List<String> header,
      List<List<String>> rows,
      List<List<String>> under,
      boolean markdown) {
    int columns = header.get(header.size() - 1).isEmpty() ? header.size() - 1 : header.size();
    if (markdown) {
      out.append("| ").append(String.join(" | ", header.subList(0, columns))).append(" |\n");
      out.append("|").append(" --- |".repeat(columns)).append('\n');
      rows.forEach(
          r ->
              out.append("| ")
                  .append(
                      String.join(
                          " | ",
                          r.subList(0, columns).stream()
                              .map(c -> c.replace("|", "\\|").replace("\n", " "))
                              .toList()))
                  .append(" |\n"));
      return;
    }
    int[] widths = new int[columns];
    for (List<String> row : concat(header, rows)) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<List<String>> all = concat(header, rows);
    for (int r = 0; r < all.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", all.get(r).get(i)));
        line.append(i + 1 < columns ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r > 0 && r - 1 < under.size()) {
        under.get(r - 1).forEach(u -> out.append("    ").append(u).append('\n'));
      }
    }
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static List<String> cells(AuditedChange c, boolean full) {
    return List.of(
        c.number()
            .map(n -> "#" + n)
            .orElse(c.mergeCommit().map(m -> m.substring(0, Math.min(12, m.length()))).orElse("")),
        DAY.format(c.mergedAt().atZone(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)),
        c.title(),
        c.author(),
        Integer.toString(c.linesChanged()),
        Integer.toString(c.filesChanged()),
        c.tier().map(RiskTier::id).orElse("n/a"),
        c.aiLevel().id(),
        number(c.minutesToFirstReview()),
        number(c.minutesToApproval()),
        c.reviewComments().map(String::valueOf).orElse("n/a"),
        String.join(full ? " " : ", ", c.approvers()),
        c.rubberStamp().orElse(""));
  }

  private static String number(Optional<Double> value) {
    return value.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("n/a");
  }

  private static void putNumber(ObjectNode node, String field, Optional<Double> value) {
    value.ifPresentOrElse(
        v -> node.put(field, Math.round(v * 10) / 10.0), () -> node.putNull(field));
  }

  /** RFC 4180: quote a field that holds a comma, a quote or a line break. */
  private static String csv(String field) {
    boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n");
    return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }
}
