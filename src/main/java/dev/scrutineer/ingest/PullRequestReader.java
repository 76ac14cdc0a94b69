package dev.scrutineer.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.PullRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private PullRequestReader() {}

  public static PullRequest read(Path file) {
    String name = file.toString();
    try {
      return parse(Files.readString(file), name);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file; pass --pr-json with a saved PR payload");
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  static PullRequest parse(String json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new InputException(
          name
              + (at == null ? "" : ":" + at.getLineNr())
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "); save the payload of GET /repos/OWNER/REPO/pulls/NUMBER",
          e);
    }
    if (root == null || !root.isObject()) {
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
    String name = file.toString();
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      JsonNode pr = root.has("pull_request") ? root.get("pull_request") : root;
      List<String> logins = new ArrayList<>();
      for (JsonNode assignee : pr.path("assignees")) {
        String login = assignee.path("login").asText("");
        if (!login.isEmpty()) {
          logins.add(login);
        }
      }
      return logins;
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage(), e);
    }
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
