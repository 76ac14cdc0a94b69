package com.acme.shipping;

import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.function.Consumer;

/**
 * Writers and streams of the JDK's hierarchies: a field a JDK superclass leaves to its subclasses,
 * calls on JDK types whose arguments choose the method, and a method reference passed where an
 * interface of the code base is taken.
 */
public class Printout {
  /** Fills a buffer, as InputStream's read(byte[], int, int) does. */
  public interface Filler {
    int fill(byte[] buffer, int offset, int length) throws IOException;
  }

  /** Counts the characters it passes to the writer it wraps. */
  public static class Counting extends FilterWriter {
    int count;

    public Counting(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      count++;
      out.write(c);
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      count += length;
      out.write(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      count += length;
      out.write(text, offset, length);
    }
  }

  /** Keeps the characters written to it. */
  public static class Tape extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      text.append(s, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    String text() {
      return text.toString();
    }
  }

  /** Counts the bytes written to it. */
  public static class Meter extends OutputStream {
    int bytes;

    @Override
    public void write(int b) {
      bytes++;
    }
  }

  /** The bytes of one label. */
  public static class LabelStream extends InputStream {
    private final byte[] bytes;
    private int at;

    LabelStream(String label) {
      bytes = label.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n = Math.min(length, bytes.length - at);
      System.arraycopy(bytes, at, buffer, offset, n);
      at += n;
      return n;
    }
  }

  /** Orders labels by length: an override whose parameters are Comparator's type argument. */
  public static class ByLength implements Comparator<String> {
    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }

  /** A setup typed by itself: its setters return the setup they are called on. */
  public abstract static class Setup<B extends Setup<B>> {
    String path;

    @SuppressWarnings("unchecked")
    B setPath(String path) {
      this.path = path;
      return (B) this;
    }

    abstract Tape get();
  }

  /** The setup of a tape. */
  public static class TapeSetup extends Setup<TapeSetup> {
    int size;

    TapeSetup setSize(int size) {
      this.size = size;
      return this;
    }

    @Override
    Tape get() {
      return new Tape();
    }
  }

  /** The setup of a reel: only its own get() runs when it is set up and got. */
  public static class ReelSetup extends Setup<ReelSetup> {
    @Override
    Tape get() {
      return new Tape();
    }
  }

  /** A reel set up and got: a change to a tape's setup does not reach it. */
  public static Tape reel(String label) {
    return new ReelSetup().setPath(label).get();
  }

  /** Closes quietly, telling {@code onError} what went wrong. */
  static void close(Closeable closeable, Consumer<Exception> onError) {
    try {
      closeable.close();
    } catch (IOException e) {
      onError.accept(e);
    }
  }

  /** Closes each quietly. */
  static void close(Closeable... closeables) {
    for (Closeable closeable : closeables) {
      close(closeable, e -> {});
    }
  }

  /**
   * Closes a reel, what went wrong suppressed into {@code failure}: of the two closes, only the one
   * taking a consumer can take {@code failure::addSuppressed}.
   */
  public static Throwable closeInto(Closeable reel, Throwable failure) {
    close(reel, failure::addSuppressed);
    return failure;
  }

  static <T> boolean ordered(T first, T second, Comparator<T> order) {
    return order.compare(first, second) <= 0;
  }

  static int load(Filler filler, int size) throws IOException {
    return filler.fill(new byte[size], 0, size);
  }

  static int load(InputStream in, int size) throws IOException {
    return in.available() + size;
  }

  /**
   * Prints a label through a counting writer, meters a byte, loads the label's bytes and orders the
   * label and its print.
   */
  public static String print(String label) throws IOException {
    Tape tape = new TapeSetup().setPath(label).setSize(label.length()).get();
    Writer writer = new Counting(tape);
    writer.write(label.toCharArray(), 0, label.length());
    writer.write('\n');
    Meter meter = new Meter();
    meter.write(1);
    InputStream in = new LabelStream(label);
    load(in::read, label.length());
    return ordered(label, tape.text(), new ByLength()) ? tape.text() : label;
  }
}
