package dev.scrutineer.policy;

import dev.scrutineer.analysis.provenance.Identities;
import dev.scrutineer.config.EvidenceKind;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.GateResult;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.RequiredScrutiny;
import dev.scrutineer.model.Requirement;
import dev.scrutineer.model.RequirementStatus;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewStanding;
import dev.scrutineer.model.ReviewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds required scrutiny against a pull request's reviews.
 *
 * <p>Which approvals count: each reviewer's latest review that approves, requests changes or is
 * dismissed decides their standing (a later comment changes nothing, as on GitHub); an approval
 * counts only when given on the current head, by a person (never a bot or an AI reviewer), who is
 * not the pull request's author and, for an agent-authored change, did not ask the agent for it.
 */
public final class Gate {
  private Gate() {}

  public static GateResult evaluate(
      RequiredScrutiny required, Analysis analysis, ReviewContext state) {
    String head = analysis.change().head().id();
    List<ReviewStanding> standings = standings(analysis, state, head);
    List<String> approvers =
        standings.stream().filter(ReviewStanding::counts).map(ReviewStanding::login).toList();
    List<RequirementStatus> statuses = new ArrayList<>();
    for (Requirement requirement : required.requirements()) {
      statuses.add(status(requirement, approvers, analysis, state));
    }
    return new GateResult(required, head, statuses, standings);
  }

  private static List<ReviewStanding> standings(
      Analysis analysis, ReviewContext state, String head) {
    Map<String, Review> latest = new LinkedHashMap<>();
    Map<String, Review> any = new LinkedHashMap<>();
    for (Review review : state.reviews()) {
      String login = review.login().toLowerCase(Locale.ROOT);
      any.put(login, review);
      if (review.state() != ReviewState.COMMENTED && review.state() != ReviewState.PENDING) {
        latest.put(login, review);
      }
    }
    String author =
        analysis.pullRequest().map(pr -> pr.authorLogin().toLowerCase(Locale.ROOT)).orElse("");
    Set<String> requesters = requesters(analysis, state);
    List<ReviewStanding> standings = new ArrayList<>();
    for (Map.Entry<String, Review> e : any.entrySet()) {
      Review review = latest.getOrDefault(e.getKey(), e.getValue());
      standings.add(standing(e.getKey(), review, head, author, requesters));
    }
    return standings;
  }

  private static ReviewStanding standing(
      String login, Review review, String head, String author, Set<String> requesters) {
    ReviewState s = review.state();
    if (s != ReviewState.APPROVED) {
      String note =
          switch (s) {
            case CHANGES_REQUESTED -> "requested changes";
            case DISMISSED -> "review dismissed";
            default -> "commented only";
          };
      return new ReviewStanding(login, s, false, note);
    }
    if (Identities.isBot(review.login(), review.userType())) {
      return new ReviewStanding(
          login,
          s,
          false,
          Identities.isReviewBot(review.login())
              ? "an AI review bot: its approval never counts"
              : "a bot: only people's approvals count");
    }
    if (login.equals(author)) {
      return new ReviewStanding(login, s, false, "the pull request's author");
    }
    if (requesters.contains(login)) {
      return new ReviewStanding(
          login,
          s,
          false,
          "asked the agent for this change: for agent-authored changes another person approves");
    }
    if (!review.commitId().equals(head)) {
      return new ReviewStanding(
          login,
          s,
          false,
          "stale: approved "
              + review.commitId().substring(0, Math.min(12, review.commitId().length()))
              + ", not the current head");
    }
    return new ReviewStanding(login, s, true, "approved the current head");
  }

  /**
   * For an agent-authored change, the people who asked the agent: the pull request's assignees and
   * the humans agent commits name as co-authors (by login, or by email through the teams file).
   */
  private static Set<String> requesters(Analysis analysis, ReviewContext state) {
    Set<String> requesters = new LinkedHashSet<>();
    if (!Identity.agentAuthored(analysis)) {
      return requesters;
    }
    state.assignees().forEach(a -> requesters.add(a.toLowerCase(Locale.ROOT)));
    for (String id : Identities.requesters(analysis.change().commits())) {
      requesters.add(id);
      requesters.addAll(state.teams().membersOf(id));
    }
    return requesters;
  }

  private static RequirementStatus status(
      Requirement requirement, List<String> approvers, Analysis analysis, ReviewContext state) {
    return switch (requirement.kind()) {
      case APPROVALS -> {
        int have = approvers.size();
        int need = requirement.approvals();
        yield new RequirementStatus(
            requirement,
            have >= need,
            approvers,
            have >= need
                ? have + (have == 1 ? " approval" : " approvals") + ", " + need + " required"
                : have
                    + " of "
                    + need
                    + " approvals: "
                    + (need - have)
                    + " more from a person other than the author");
      }
      case CODE_OWNERS, SURFACE_REVIEW -> eligibleApproval(requirement, approvers, state);
      case EVIDENCE -> {
        EvidenceKind kind =
            EvidenceKind.valueOf(
                requirement
                    .id()
                    .substring("evidence:".length())
                    .toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
        List<String> found = Evidence.found(kind, analysis, state.drillAcknowledged());
        yield new RequirementStatus(
            requirement,
            !found.isEmpty(),
            found,
            found.isEmpty()
                ? missingEvidence(kind)
                : String.join("; ", found.subList(0, Math.min(3, found.size())))
                    + (found.size() > 3 ? "; ..." : ""));
      }
      case DISCLOSURE -> {
        boolean declared = analysis.provenance().declared();
        List<String> detected =
            analysis.provenance().signals().stream()
                .map(ProvenanceSignal::source)
                .distinct()
                .toList();
        yield new RequirementStatus(
            requirement,
            declared,
            List.of(),
            declared
                ? "declared by the author"
                : "assistance was detected ("
                    + String.join(", ", detected)
                    + ") but not declared: if a tool helped, add an Assisted-by: trailer or tick"
                    + " the AI disclosure in the pull request, so reviewers can weigh it");
      }
    };
  }

  private static RequirementStatus eligibleApproval(
      Requirement requirement, List<String> approvers, ReviewContext state) {
    List<String> by = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String handle : requirement.eligible()) {
      Set<String> logins;
      if (handle.startsWith("@") && !handle.contains("/")) {
        logins = Set.of(handle.substring(1));
      } else {
        logins = state.teams().membersOf(handle);
        if (logins.isEmpty()) {
          unknown.add(handle);
        }
      }
      approvers.stream().filter(logins::contains).filter(a -> !by.contains(a)).forEach(by::add);
    }
    String who = String.join(", ", requirement.eligible());
    String detail =
        !by.isEmpty()
            ? "approved by " + String.join(", ", by)
            : "needs an approval from one of "
                + who
                + (unknown.isEmpty()
                    ? ""
                    : " (members of " + String.join(", ", unknown) + " unknown: pass --teams)");
    return new RequirementStatus(requirement, !by.isEmpty(), by, detail);
  }

  private static String missingEvidence(EvidenceKind kind) {
    return switch (kind) {
      case TESTS_REACH_CHANGE ->
          "no test reaches the changed code and none changed: add or point to a test that"
              + " exercises it";
      case ROLLOUT_PLAN ->
          "no rollout plan: add a 'Rollout' section to the pull request (stages, flag, how to"
              + " roll back) or the label feature-flag";
      case DRILL_ACKNOWLEDGED ->
          "no drill acknowledged: run the tabletop drill for this change, then pass --drill-ack or"
              + " add the label drill-acknowledged";
    };
  }
}
