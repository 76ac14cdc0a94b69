package dev.scrutineer.analysis.surface;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Revision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds the model values a surface analysis reads, without git. */
final class Changes {
  private static final Revision BASE = new Revision("main", "a".repeat(40));
  private static final Revision HEAD = new Revision("HEAD", "b".repeat(40));

  private Changes() {}

  static ChangeSet change(FileChange... files) {
    return change(Arrays.asList(files));
  }

  static ChangeSet change(List<FileChange> files) {
    return new ChangeSet(BASE, BASE, HEAD, List.of(), files, List.of());
  }

  /** A new file whose lines are numbered from 1. */
  static FileChange added(String path, String... lines) {
    return added(path, numbered(1, lines));
  }

  static FileChange added(String path, List<Line> lines) {
    return new FileChange(
        ChangeType.ADDED,
        Optional.empty(),
        Optional.of(path),
        FileMode.MISSING,
        FileMode.REGULAR,
        Optional.empty(),
        Optional.of("1".repeat(40)),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        lines.isEmpty() ? List.of() : List.of(new Hunk(0, 0, 1, lines.size(), List.of(), lines)),
        lines.size(),
        0);
  }

  /** An edit: removed lines are numbered in the base file, added lines in the head file. */
  static FileChange modified(String path, List<Line> removed, List<Line> added) {
    return new FileChange(
        ChangeType.MODIFIED,
        Optional.of(path),
        Optional.of(path),
        FileMode.REGULAR,
        FileMode.REGULAR,
        Optional.of("1".repeat(40)),
        Optional.of("2".repeat(40)),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        List.of(hunk(removed, added)),
        added.size(),
        removed.size());
  }

  static FileChange deleted(String path, String... lines) {
    List<Line> removed = numbered(1, lines);
    return new FileChange(
        ChangeType.DELETED,
        Optional.of(path),
        Optional.empty(),
        FileMode.REGULAR,
        FileMode.MISSING,
        Optional.of("1".repeat(40)),
        Optional.empty(),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        removed.isEmpty()
            ? List.of()
            : List.of(new Hunk(1, removed.size(), 0, 0, removed, List.of())),
        0,
        removed.size());
  }

  static FileChange renamed(String from, String to) {
    return new FileChange(
        ChangeType.RENAMED,
        Optional.of(from),
        Optional.of(to),
        FileMode.REGULAR,
        FileMode.REGULAR,
        Optional.of("1".repeat(40)),
        Optional.of("1".repeat(40)),
        100,
        Content.TEXT,
        false,
        Optional.empty(),
        List.of(),
        0,
        0);
  }

  /** A file whose content cannot be read line by line, though it may carry hunks anyway. */
  static FileChange unreadable(String path, Content content, String... lines) {
    FileChange text = added(path, lines);
    return new FileChange(
        text.type(),
        text.oldPath(),
        text.newPath(),
        text.oldMode(),
        text.newMode(),
        text.oldBlob(),
        text.newBlob(),
        0,
        content,
        false,
        Optional.empty(),
        text.hunks(),
        0,
        0);
  }

  static Line line(int number, String text) {
    return new Line(number, text);
  }

  static List<Line> numbered(int first, String... lines) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      out.add(new Line(first + i, lines[i]));
    }
    return out;
  }

  private static Hunk hunk(List<Line> removed, List<Line> added) {
    int oldStart = removed.isEmpty() ? 1 : removed.get(0).number();
    int newStart = added.isEmpty() ? 1 : added.get(0).number();
    return new Hunk(oldStart, removed.size(), newStart, added.size(), removed, added);
  }
}
