package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.model.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A source tree held in memory: path to text. */
final class MemoryTree implements SourceTree {
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  /** A tree of these files, by path, that lists them, as a commit's does. */
  static SourceTree listing(Map<String, String> texts) {
    MemoryTree memory = new MemoryTree();
    texts.forEach(memory::put);
    List<String> paths = List.copyOf(texts.keySet());
    return new SourceTree() {
      @Override
      public OptionalLong size(String path) {
        return memory.size(path);
      }

      @Override
      public Optional<byte[]> read(String path) {
        return memory.read(path);
      }

      @Override
      public List<String> paths() {
        return paths;
      }
    };
  }

  MemoryTree put(String path, String text) {
    files.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Override
  public OptionalLong size(String path) {
    byte[] bytes = files.get(path);
    return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes.length);
  }

  @Override
  public Optional<byte[]> read(String path) {
    return Optional.ofNullable(files.get(path)).map(byte[]::clone);
  }
}
