package dev.scrutineer.ingest;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HashedSequence;
import org.eclipse.jgit.diff.HashedSequenceComparator;
import org.eclipse.jgit.diff.LowLevelDiffAlgorithm;
import org.eclipse.jgit.diff.MyersDiff;
import org.eclipse.jgit.diff.Sequence;

/**
 * The histogram diff's fallback for regions where every line repeats many times (long runs of
 * braces, blank lines or data rows): Myers' diff while the region is small, one replacement when it
 * is large. Myers' time grows with the region's length times the number of differences, and a few
 * large generated or data files took a third of the time mining spring-framework's history; git
 * bounds the same search with a cost limit, so its counts for such regions are approximate too.
 */
final class BoundedMyers extends LowLevelDiffAlgorithm {
  /** Regions with more lines than this on both sides together are counted as replaced. */
  static final int MAX_LINES = 2_000;

  static final BoundedMyers INSTANCE = new BoundedMyers();

  private static final LowLevelDiffAlgorithm MYERS = (LowLevelDiffAlgorithm) MyersDiff.INSTANCE;

  private BoundedMyers() {}

  @Override
  public <S extends Sequence> void diffNonCommon(
      EditList edits,
      HashedSequenceComparator<S> cmp,
      HashedSequence<S> a,
      HashedSequence<S> b,
      Edit region) {
    if (region.getLengthA() + region.getLengthB() <= MAX_LINES) {
      MYERS.diffNonCommon(edits, cmp, a, b, region);
    } else {
      edits.add(
          new Edit(region.getBeginA(), region.getEndA(), region.getBeginB(), region.getEndB()));
    }
  }
}
