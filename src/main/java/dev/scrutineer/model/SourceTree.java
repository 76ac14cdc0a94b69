package dev.scrutineer.model;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one side of a change, readable by path without a checkout: the merge-base's tree,
 * the head commit's tree or the working tree. Only regular files are read; a symlink is never
 * followed and reads as absent, as do directories and submodules.
 *
 * <p>Paths are relative to the repository's root, with {@code /} as separator, as {@link
 * FileChange} names them. A tree stays readable while the session that produced it is open.
 */
public interface SourceTree {
  /**
   * The size in bytes of the regular file at {@code path}, found without reading its content, so a
   * caller can refuse a huge file before reading it; empty when {@link #read} would be.
   *
   * @throws UncheckedIOException when the path is there but cannot be examined
   */
  OptionalLong size(String path);

  /**
   * The content of the regular file at {@code path}, exactly as stored; empty when this side has no
   * regular file there. Check {@link #size} first when the file may be large.
   *
   * @throws UncheckedIOException when the file is there but cannot be read
   */
  Optional<byte[]> read(String path);

  /**
   * Every regular file of this side, sorted by path (as {@link String#compareTo} orders them), so a
   * caller can index the whole tree. Symlinks, directories and submodules are not listed; in a
   * working tree, untracked files are listed unless git ignores them.
   *
   * @throws UncheckedIOException when the tree cannot be listed
   * @throws UnsupportedOperationException when this kind of tree cannot list its files
   */
  default List<String> paths() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list its files");
  }

  /**
   * The regular files {@link #paths} lists whose name (the last segment) is one of {@code names},
   * with their {@link #blobId}s, sorted by path: what those two give, which is all this default
   * does. A git tree finds them without spelling out every other path.
   *
   * @throws UncheckedIOException when the tree cannot be listed
   * @throws UnsupportedOperationException when this kind of tree cannot list its files
   */
  default SortedMap<String, String> blobIdsOfFilesNamed(Set<String> names) {
    SortedMap<String, String> found = new TreeMap<>();
    for (String path : paths()) {
      if (names.contains(path.substring(path.lastIndexOf('/') + 1))) {
        found.put(path, blobId(path).orElse(""));
      }
    }
    return found;
  }

  /**
   * An id for everything this side holds, when it has one: a git tree's id, which names every path
   * and blob under it, so facts of the whole side can be cached by it without listing it. Empty for
   * a working tree and an in-memory side.
   */
  default Optional<String> id() {
    return Optional.empty();
  }

  /**
   * The git blob id (SHA-1 hex) of the regular file at {@code path}: a key for its content that
   * does not depend on where it is stored, so facts derived from a file can be cached by it. A
   * committed file gives its stored id; a file in the working tree the id git would give it. Empty
   * when {@link #read} would be.
   *
   * @throws UncheckedIOException when the file is there but cannot be read
   */
  default Optional<String> blobId(String path) {
    return read(path).map(SourceTree::gitBlobId);
  }

  /** The id git gives a blob of {@code content}: SHA-1 of {@code "blob <length>\0"} + content. */
  static String gitBlobId(byte[] content) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      byte[] digest = sha1.digest(content);
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  /**
   * Whether a file's bytes are valid UTF-8; text that is not is read as ISO-8859-1, in which every
   * byte is a character, so nothing is lost or replaced.
   */
  static boolean isUtf8(byte[] content) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** An in-memory side holding exactly {@code files} (path to content), for tests and tools. */
  static SourceTree of(Map<String, byte[]> files) {
    Map<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, content) -> copy.put(path, content.clone()));
    return new SourceTree() {
      @Override
      public OptionalLong size(String path) {
        byte[] content = copy.get(path);
        return content == null ? OptionalLong.empty() : OptionalLong.of(content.length);
      }

      @Override
      public Optional<byte[]> read(String path) {
        return Optional.ofNullable(copy.get(path)).map(byte[]::clone);
      }

      @Override
      public List<String> paths() {
        return List.copyOf(copy.keySet());
      }
    };
  }

  /** A side with no files, such as the base of a change that adds everything. */
  SourceTree EMPTY =
      new SourceTree() {
        @Override
        public OptionalLong size(String path) {
          return OptionalLong.empty();
        }

        @Override
        public Optional<byte[]> read(String path) {
          return Optional.empty();
        }

        @Override
        public List<String> paths() {
          return List.of();
        }

        @Override
        public Optional<String> blobId(String path) {
          return Optional.empty();
        }
      };
}
