package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disclosure in a pull request body: checked boxes ({@code - [x] AI-assisted}), an {@code AI Usage
 * Disclosure} section, {@code AI Service:} and {@code AI Model:} fields, vendor "Generated with"
 * lines and disclosure trailers. Template text does not count: HTML comments and fenced code are
 * skipped, an unchecked box is no disclosure, and neither is a negated answer ("None").
 */
final class PullRequestBody {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)", Pattern.DOTALL);

  private static final Pattern FENCE = Pattern.compile("^\\s*(?:```|~~~)");

  private static final Pattern CHECKBOX =
      Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+\\[(?<mark>[ xX])]\\s*(?<text>.*)$");

  /** {@code AI Service: Claude Code}, {@code **AI Model:** Opus 4.5}, {@code - AI tool: …}. */
  private static final Pattern FIELD =
      Pattern.compile(
          "^[\\s>*_+-]*ai[ _-]*(?<key>service|tool|model)s?[*_]*\\s*:[*_\\s]*(?<value>.*?)[*_\\s]*$",
          FLAGS);

  private static final Pattern SECTION =
      Pattern.compile(
          "^[\\s#>*_-]*ai(?:[ -](?:usage|use|assistance))?[ -]disclosure(?![\\p{L}\\p{N}])"
              + "[\\s*_:#-]*(?<rest>.*)$",
          FLAGS);

  private static final Pattern HEADING =
      Pattern.compile("^\\s{0,3}#{1,6}\\s|^\\s*\\*\\*[^*]+\\*\\*:?\\s*$");

  /** An answer that says nothing was used. */
  private static final Pattern NO_ANSWER =
      Pattern.compile("^(?:none|n/?a|no|nope|-+|nothing|not used|_?no response_?)\\.?$", FLAGS);

  private PullRequestBody() {}

  static List<Hit> find(String body) {
    List<String> lines = lines(body);
    // The service and model fields are separate lines; each signal names both.
    Optional<String> serviceTool = firstField(lines, false).flatMap(PullRequestBody::tool);
    Optional<String> model = firstField(lines, true);

    List<Hit> hits = new ArrayList<>();
    boolean inSection = false;
    for (String line : lines) {
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        inSection = true;
        String rest = section.group("rest");
        if (!rest.isBlank()
            && !DisclosureText.negated(rest)
            && !NO_ANSWER.matcher(rest).matches()) {
          hits.add(statement(rest, line));
        }
        continue;
      }
      if (HEADING.matcher(line).find()) {
        inSection = false;
        continue;
      }
      Matcher box = CHECKBOX.matcher(line);
      if (box.matches()) {
        String text = box.group("text");
        boolean checked = !box.group("mark").isBlank();
        if (checked
            && !DisclosureText.negated(text)
            && (inSection || DisclosureText.statesUse(text))) {
          hits.add(statement(text, line));
        }
        continue;
      }
      Matcher field = FIELD.matcher(line);
      if (field.matches()) {
        String value = field.group("value");
        if (answered(value)) {
          boolean isModel = field.group("key").equalsIgnoreCase("model");
          Optional<String> tool = isModel ? serviceTool : tool(value);
          Optional<String> named = isModel ? Optional.of(value.strip()) : model;
          hits.add(Hit.declared(Source.PR_BODY, tool, named, AiLevel.ASSISTED, line));
        }
        continue;
      }
      Optional<Hit> other =
          VendorLines.match(line, Source.PR_BODY)
              .or(() -> TrailerSignatures.matchLine(line, Source.PR_BODY));
      if (other.isPresent()) {
        hits.add(other.get());
      } else if (inSection && !line.isBlank() && answered(line.strip())) {
        hits.add(statement(line, line));
      }
    }
    return hits;
  }

  /** The body's lines outside HTML comments and fenced code, where templates keep their help. */
  private static List<String> lines(String body) {
    String visible = COMMENT.matcher(body).replaceAll("");
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : visible.split("\\R", -1)) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The first answered model field, or the first answered service or tool field. */
  private static Optional<String> firstField(List<String> lines, boolean model) {
    for (String line : lines) {
      Matcher m = FIELD.matcher(line);
      if (m.matches()
          && m.group("key").equalsIgnoreCase("model") == model
          && answered(m.group("value"))) {
        return Optional.of(m.group("value").strip());
      }
    }
    return Optional.empty();
  }

  private static boolean answered(String value) {
    return !value.isBlank()
        && !NO_ANSWER.matcher(value.strip()).matches()
        && !DisclosureText.negated(value);
  }

  /**
   * A statement of use in the author's words: a checked box or a line of the disclosure section.
   */
  private static Hit statement(String text, String line) {
    return Hit.declared(
        Source.PR_BODY, Tools.find(text), Models.find(text), DisclosureText.level(text), line);
  }

  /** A tool named in a field meant for it, kept as written when it is not a known tool. */
  private static Optional<String> tool(String value) {
    String v = value.strip();
    return Tools.exact(v).or(() -> Tools.find(v)).or(() -> Optional.of(v));
  }
}
