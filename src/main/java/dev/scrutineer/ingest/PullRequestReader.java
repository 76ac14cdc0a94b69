package dev.scrutineer.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.PullRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pull request as GitHub's REST API returns it ({@code GET /repos/O/R/pulls/N}, or the
 * {@code pull_request} of a webhook event). Only the fields that are evidence are read; the rest is
 * ignored, so any version of the payload works.
 */
public final class PullRequestReader {
  private static final String PAYLOAD = "save the payload of GET /repos/OWNER/REPO/pulls/NUMBER";

  private PullRequestReader() {}

  public static PullRequest read(Path file) {
    return parse(JsonInput.read(file, "pass --pr-json with a saved PR payload"), file.toString());
  }

  static PullRequest parse(String json, String name) {
    JsonNode root = JsonInput.parse(json, name, PAYLOAD);
    if (!root.isObject()) {
      throw new InputException(name + ": expected a JSON object with title, body and user");
    }
    JsonNode pr = root.has("pull_request") ? root.get("pull_request") : root;
    if (!pr.has("title") && !pr.has("user")) {
      throw new InputException(
          name + ": no title or user field; is this a GitHub pull-request payload?");
    }
    return fromNode(pr);
  }

  /** The evidence of one pull object already parsed, such as an entry of an export. */
  static PullRequest fromNode(JsonNode pr) {
    JsonNode number = pr.path("number");
    return new PullRequest(
        number.canConvertToInt() ? Optional.of(number.asInt()) : Optional.empty(),
        pr.path("title").asText(""),
        pr.path("body").asText(""),
        labels(pr.path("labels")),
        pr.path("user").path("login").asText(""),
        pr.path("user").path("type").asText("User"),
        pr.path("head").path("ref").isTextual()
            ? Optional.of(pr.path("head").path("ref").asText())
            : Optional.empty());
  }

  /**
   * The logins the pull request is assigned to; for an agent's pull request, the people who asked
   * for it.
   */
  public static List<String> assignees(Path file) {
    JsonNode root = JsonInput.parse(JsonInput.read(file, PAYLOAD), file.toString(), PAYLOAD);
    JsonNode pr = root.has("pull_request") ? root.get("pull_request") : root;
    List<String> logins = new ArrayList<>();
    for (JsonNode assignee : pr.path("assignees")) {
      String login = assignee.path("login").asText("");
      if (!login.isEmpty()) {
        logins.add(login);
      }
    }
    return logins;
  }

  private static List<String> labels(JsonNode labels) {
    List<String> names = new ArrayList<>();
    for (JsonNode label : labels) {
      String labelName = label.isTextual() ? label.asText() : label.path("name").asText("");
      if (!labelName.isEmpty()) {
        names.add(labelName);
      }
    }
    return names;
  }
}
