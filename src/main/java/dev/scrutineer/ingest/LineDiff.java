package dev.scrutineer.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.Subsequence;
import org.eclipse.jgit.diff.SubsequenceComparator;

/**
 * One line diff of two versions of a file, read two ways: the lines added and deleted as {@code git
 * diff --numstat} counts them, and the edit script blame follows, where a line changed only in
 * whitespace is not a change, with the old lines the edits remove that could have carried a bug.
 *
 * @param added lines added, whitespace counted
 * @param deleted lines deleted, whitespace counted
 * @param edits the whitespace-blind edit script as quadruples: begin and end of the old lines,
 *     begin and end of the new lines, from 0
 * @param fixable old lines, from 0, the edits remove that are not blank, a comment or an import
 *     ({@link SzzLines}); empty unless asked for
 */
record LineDiff(int added, int deleted, int[] edits, int[] fixable) {
  private static final DiffAlgorithm ALGORITHM = histogram();
  private static final SubsequenceComparator<RawText> WHITESPACE_BLIND =
      new SubsequenceComparator<>(RawTextComparator.WS_IGNORE_ALL);
  private static final int[] NONE = new int[0];
  private static final LineDiff SAME = new LineDiff(0, 0, NONE, NONE);

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Diffs {@code a} to {@code b}. The common first and last lines are cut off by comparing bytes
   * before any line is hashed; the histogram diff does the same by lines, so the counts are the
   * same, but most of a large file is never split into lines. Only where lines were replaced is the
   * diff run again ignoring whitespace, to find the lines that were merely re-indented.
   */
  static LineDiff of(byte[] a, byte[] b, boolean withFixable) {
    int start = Arrays.mismatch(a, b);
    if (start < 0) {
      return SAME;
    }
    start = Math.min(start, Math.min(a.length, b.length));
    while (start > 0 && a[start - 1] != '\n') {
      start--;
    }
    int endA = a.length;
    int endB = b.length;
    // Eight bytes at a time first: Arrays.mismatch is vectorised, but only runs forwards.
    while (endA - 8 >= start
        && endB - 8 >= start
        && (long) LONGS.get(a, endA - 8) == (long) LONGS.get(b, endB - 8)) {
      endA -= 8;
      endB -= 8;
    }
    while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
      endA--;
      endB--;
    }
    // Forward to where both sides start a line; the bytes passed over are common to both.
    while (endA < a.length && !(lineStart(a, endA, start) && lineStart(b, endB, start))) {
      endA++;
      endB++;
    }
    RawText oldText = new RawText(Arrays.copyOfRange(a, start, endA));
    RawText newText = new RawText(Arrays.copyOfRange(b, start, endB));
    EditList edits = ALGORITHM.diff(RawTextComparator.DEFAULT, oldText, newText);
    int added = 0;
    int deleted = 0;
    EditList blind = new EditList();
    for (Edit edit : edits) {
      added += edit.getLengthB();
      deleted += edit.getLengthA();
      if (edit.getType() == Edit.Type.REPLACE) {
        blind.addAll(whitespaceBlind(oldText, newText, edit));
      } else {
        blind.add(edit);
      }
    }
    int head = newlines(a, start);
    return new LineDiff(
        added,
        deleted,
        quadruples(blind, head),
        withFixable ? fixable(oldText, blind, head) : NONE);
  }

  private static DiffAlgorithm histogram() {
    HistogramDiff histogram = new HistogramDiff();
    histogram.setFallbackAlgorithm(BoundedMyers.INSTANCE);
    return histogram;
  }

  private static EditList whitespaceBlind(RawText oldText, RawText newText, Edit replaced) {
    Subsequence<RawText> a = Subsequence.a(oldText, replaced);
    Subsequence<RawText> b = Subsequence.b(newText, replaced);
    return Subsequence.toBase(ALGORITHM.diff(WHITESPACE_BLIND, a, b), a, b);
  }

  private static int[] quadruples(EditList edits, int head) {
    int[] quads = new int[edits.size() * 4];
    int q = 0;
    for (Edit edit : edits) {
      quads[q++] = head + edit.getBeginA();
      quads[q++] = head + edit.getEndA();
      quads[q++] = head + edit.getBeginB();
      quads[q++] = head + edit.getEndB();
    }
    return quads;
  }

  private static int[] fixable(RawText oldText, EditList edits, int head) {
    int[] lines = new int[edits.stream().mapToInt(Edit::getLengthA).sum()];
    int n = 0;
    for (Edit edit : edits) {
      for (int line = edit.getBeginA(); line < edit.getEndA(); line++) {
        if (SzzLines.relevant(oldText.getString(line))) {
          lines[n++] = head + line;
        }
      }
    }
    return Arrays.copyOf(lines, n);
  }

  private static int newlines(byte[] bytes, int end) {
    int count = 0;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  private static boolean lineStart(byte[] bytes, int at, int start) {
    return at == start || bytes[at - 1] == '\n';
  }
}
