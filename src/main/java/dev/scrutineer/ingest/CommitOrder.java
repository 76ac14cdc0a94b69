package dev.scrutineer.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.eclipse.jgit.revwalk.RevCommit;

/** The order commits are read in: parents before children. */
final class CommitOrder {
  private CommitOrder() {}

  /**
   * The commits with every commit after its parents, otherwise oldest first: the order of JGit's
   * topological sort, reversed. Sorting here rather than in the walk matters for a change's few
   * commits: the walk's own sort explores the whole history before it yields the first commit, far
   * beyond the merge-base (a quarter of a second on spring-framework, against a millisecond).
   *
   * @param newestFirst the commits, as a plain walk yields them (by commit time, newest first)
   */
  static List<RevCommit> parentsFirst(List<RevCommit> newestFirst) {
    Map<RevCommit, Integer> rank = new HashMap<>();
    for (RevCommit commit : newestFirst) {
      rank.put(commit, rank.size());
    }
    // Children first (a commit waits until all of its children in the change are out), newest
    // first among those ready; then reversed.
    Map<RevCommit, Integer> children = new HashMap<>();
    for (RevCommit commit : newestFirst) {
      for (RevCommit parent : commit.getParents()) {
        if (rank.containsKey(parent)) {
          children.merge(parent, 1, Integer::sum);
        }
      }
    }
    PriorityQueue<RevCommit> ready = new PriorityQueue<>(Comparator.comparing(rank::get));
    newestFirst.stream().filter(c -> !children.containsKey(c)).forEach(ready::add);
    List<RevCommit> ordered = new ArrayList<>(newestFirst.size());
    while (!ready.isEmpty()) {
      RevCommit commit = ready.poll();
      ordered.add(commit);
      for (RevCommit parent : commit.getParents()) {
        if (rank.containsKey(parent) && children.merge(parent, -1, Integer::sum) == 0) {
          ready.add(parent);
        }
      }
    }
    Collections.reverse(ordered);
    return ordered;
  }
}
