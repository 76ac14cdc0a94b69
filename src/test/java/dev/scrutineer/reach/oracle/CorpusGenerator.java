package dev.scrutineer.reach.oracle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic but realistic Java source tree for benchmarks of the reach engine: the same
 * arguments always give the same bytes, and the result compiles with javac alone.
 *
 * <p>The tree looks like a multi-module Spring service: {@code modules/m<k>/src/main/java} and
 * {@code src/test/java}, eight features per module, each feature a package of ten files (a record,
 * an enum with constant bodies, a utility class with constants and a static block, a repository
 * interface with a default method and its implementation, a service interface and implementation, a
 * {@code @RestController}, a component with a {@code @Scheduled} job and a {@code @KafkaListener},
 * and a JUnit-style test). Services call the services, utilities and enums of up to two earlier
 * features, across packages and modules, so reach fans out the way it does in real code. Stubs of
 * the framework annotations sit under {@code stubs/} and count among the files; the last feature is
 * cut short to hit the number exactly.
 *
 * <pre>
 *   java -cp target/test-classes dev.scrutineer.reach.oracle.CorpusGenerator OUTDIR FILES [SEED]
 * </pre>
 */
final class CorpusGenerator {
  static final int FEATURES_PER_MODULE = 8;
  static final int FILES_PER_FEATURE = 10;

  private static final String[] WORDS = {
    "Order", "Invoice", "Customer", "Payment", "Shipment", "Catalog", "Cart", "Account",
    "Report", "Coupon", "Stock", "Review", "Refund", "Ticket", "Supplier", "Warehouse",
    "Price", "Delivery", "Profile", "Session", "Budget", "Contract", "Ledger", "Notice"
  };

  private static final String USAGE = "usage: CorpusGenerator OUTDIR FILES [SEED]";

  private final Random random;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<Feature> features = new ArrayList<>();

  private CorpusGenerator(long seed) {
    this.random = new Random(seed);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code: 0, or 2 for a usage error. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2 || args.length > 3) {
      err.println(USAGE);
      return 2;
    }
    int count;
    long seed;
    try {
      count = Integer.parseInt(args[1]);
      seed = args.length == 3 ? Long.parseLong(args[2]) : 1;
    } catch (NumberFormatException e) {
      err.println("FILES and SEED must be whole numbers; " + USAGE);
      return 2;
    }
    if (count <= STUBS.size()) {
      err.println("FILES must be more than the " + STUBS.size() + " framework stubs; " + USAGE);
      return 2;
    }
    try {
      Path root = Path.of(args[0]);
      Map<String, String> written = generate(root, count, seed);
      long modules =
          written.keySet().stream()
              .filter(p -> p.startsWith("modules/"))
              .map(p -> p.split("/")[1])
              .distinct()
              .count();
      out.printf(
          Locale.ROOT,
          "wrote %d files (%d stubs, %d modules) to %s%n",
          written.size(),
          STUBS.size(),
          modules,
          root);
      return 0;
    } catch (IOException e) {
      err.println("cannot write the corpus: " + e.getMessage());
      return 2;
    }
  }

  /** Writes {@code count} Java files under {@code root}; returns them as path → text. */
  static Map<String, String> generate(Path root, int count, long seed) throws IOException {
    CorpusGenerator generator = new CorpusGenerator(seed);
    generator.plan(count);
    for (Map.Entry<String, String> file : generator.files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    return generator.files;
  }

  /** One feature: a package of up to ten files. */
  private record Feature(int index, String module, String pkg, String name, int files) {
    String dir(String sourceSet) {
      return "modules/" + module + "/src/" + sourceSet + "/java/" + pkg.replace('.', '/') + "/";
    }
  }

  private void plan(int count) {
    STUBS.forEach((path, text) -> files.put("stubs/src/main/java/" + path, text));
    int remaining = count - STUBS.size();
    for (int index = 0; remaining > 0; index++) {
      int size = Math.min(FILES_PER_FEATURE, remaining);
      remaining -= size;
      String module = "m" + index / FEATURES_PER_MODULE;
      String name =
          WORDS[index % WORDS.length] + (index < WORDS.length ? "" : index / WORDS.length + 1);
      Feature feature =
          new Feature(
              index, module, "com.gen." + module + "." + name.toLowerCase(Locale.ROOT), name, size);
      writeFeature(feature);
      features.add(feature);
    }
  }

  private void writeFeature(Feature f) {
    List<Feature> deps = pickDependencies(f);
    Feature codesDep = features.isEmpty() ? null : features.get(random.nextInt(features.size()));
    List<Runnable> kinds =
        List.of(
            () -> record(f),
            () -> status(f),
            () -> codes(f, codesDep),
            () -> repository(f),
            () -> jdbcRepository(f),
            () -> service(f),
            () -> defaultService(f, deps),
            () -> controller(f),
            () -> jobs(f),
            () -> test(f));
    for (int i = 0; i < f.files(); i++) {
      kinds.get(i).run();
    }
  }

  /** Up to two earlier features, all complete: only the last feature can be cut short. */
  private List<Feature> pickDependencies(Feature f) {
    List<Feature> deps = new ArrayList<>();
    int wanted = features.isEmpty() ? 0 : random.nextInt(3);
    for (int i = 0; i < wanted; i++) {
      Feature dep = features.get(random.nextInt(features.size()));
      if (!deps.contains(dep)) {
        deps.add(dep);
      }
    }
    return deps;
  }

  private void put(Feature f, String sourceSet, String className, String text) {
    files.put(f.dir(sourceSet) + className + ".java", text);
  }

  private void record(Feature f) {
    put(
        f,
        "main",
        f.name(),
        """
        package %1$s;

        import java.util.Objects;

        /** A %2$s as the API returns it. */
        public record %2$s(long id, String name, long amount) {
          static final long LARGE = %3$d;

          public %2$s {
            Objects.requireNonNull(name, "name");
            if (amount < 0) {
              throw new IllegalArgumentException("negative amount: " + amount);
            }
          }

          public %2$s withAmount(long newAmount) {
            return new %2$s(id, name, newAmount);
          }

          public boolean isLarge() {
            return amount > LARGE;
          }
        }
        """
            .formatted(f.pkg(), f.name(), 1000 + random.nextInt(9000)));
  }

  private void status(Feature f) {
    put(
        f,
        "main",
        f.name() + "Status",
        """
        package %1$s;

        /** Where a %2$s is in its life; each state weighs amounts its own way. */
        public enum %2$sStatus {
          NEW {
            @Override
            public long weight(long amount) {
              return amount;
            }
          },
          ACTIVE {
            @Override
            public long weight(long amount) {
              return amount * %3$d;
            }
          },
          CLOSED;

          public long weight(long amount) {
            return 0;
          }

          public static %2$sStatus of(%2$s item) {
            if (item.amount() == 0) {
              return NEW;
            }
            return item.isLarge() ? CLOSED : ACTIVE;
          }
        }
        """
            .formatted(f.pkg(), f.name(), 2 + random.nextInt(5)));
  }

  private void codes(Feature f, Feature dep) {
    String depImport = dep == null ? "" : "import %s.%sCodes;\n".formatted(dep.pkg(), dep.name());
    String depCall = dep == null ? "" : " + %sCodes.checksum(b, a)".formatted(dep.name());
    put(
        f,
        "main",
        f.name() + "Codes",
        """
        package %1$s;

        %3$simport java.util.HashMap;
        import java.util.Locale;
        import java.util.Map;

        /** Normalises the codes of %2$s records. */
        public final class %2$sCodes {
          public static final String PREFIX = "%5$s-";
          public static final int MAX_LENGTH = %6$d;
          private static final Map<String, String> ALIASES = new HashMap<>();

          static {
            ALIASES.put("default", PREFIX + "0");
          }

          private %2$sCodes() {}

          public static String normalize(String raw) {
            String trimmed = raw.trim().toLowerCase(Locale.ROOT);
            String code = trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
            return ALIASES.getOrDefault(code, PREFIX + code);
          }

          public static long checksum(long a, long b) {
            return (a * 31 + b)%4$s;
          }

          public static long checksum(String value) {
            long sum = 0;
            for (char c : value.toCharArray()) {
              sum = checksum(sum, c) %% 1_000_003;
            }
            return sum;
          }
        }
        """
            .formatted(
                f.pkg(),
                f.name(),
                depImport.isEmpty() ? "" : depImport,
                depCall,
                f.name().toLowerCase(Locale.ROOT),
                16 + random.nextInt(48)));
  }

  private void repository(Feature f) {
    put(
        f,
        "main",
        f.name() + "Repository",
        """
        package %1$s;

        import java.util.List;
        import java.util.Optional;

        /** Where %2$s records are kept. */
        public interface %2$sRepository {
          Optional<%2$s> findById(long id);

          List<%2$s> findAll();

          void save(%2$s item);

          default int count() {
            return findAll().size();
          }
        }
        """
            .formatted(f.pkg(), f.name()));
  }

  private void jdbcRepository(Feature f) {
    put(
        f,
        "main",
        "Jdbc" + f.name() + "Repository",
        """
        package %1$s;

        import java.util.ArrayList;
        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;
        import org.springframework.stereotype.Repository;

        /** Keeps %2$s records in the %3$s table. */
        @Repository
        public class Jdbc%2$sRepository implements %2$sRepository {
          static final String TABLE = "%3$s";

          private final Map<Long, %2$s> rows = new LinkedHashMap<>();
          private long reads;

          @Override
          public Optional<%2$s> findById(long id) {
            reads++;
            return Optional.ofNullable(rows.get(id));
          }

          @Override
          public List<%2$s> findAll() {
            reads++;
            return new ArrayList<>(rows.values());
          }

          @Override
          public void save(%2$s item) {
            long checksum = %2$sCodes.checksum(item.name());
            rows.put(item.id(), item.withAmount(item.amount() + checksum %% 2));
          }

          public String describe() {
            return "select * from " + TABLE + " (" + reads + " reads, " + count() + " rows)";
          }
        }
        """
            .formatted(f.pkg(), f.name(), f.name().toLowerCase(Locale.ROOT) + "s"));
  }

  private void service(Feature f) {
    put(
        f,
        "main",
        f.name() + "Service",
        """
        package %1$s;

        import java.util.List;

        /** What controllers, jobs and other features may do with %2$s records. */
        public interface %2$sService {
          %2$s get(long id);

          List<%2$s> list(String filter);

          %2$s create(String name, long amount);

          long total();
        }
        """
            .formatted(f.pkg(), f.name()));
  }

  private void defaultService(Feature f, List<Feature> deps) {
    StringBuilder imports = new StringBuilder();
    StringBuilder fields = new StringBuilder();
    StringBuilder totals = new StringBuilder();
    StringBuilder adjust = new StringBuilder();
    for (Feature dep : deps) {
      String field = Character.toLowerCase(dep.name().charAt(0)) + dep.name().substring(1);
      if (!dep.pkg().equals(f.pkg())) {
        imports.append("import %s.%sCodes;\n".formatted(dep.pkg(), dep.name()));
        imports.append("import %s.%sService;\n".formatted(dep.pkg(), dep.name()));
      }
      fields.append("\n  @Autowired private %sService %s;\n".formatted(dep.name(), field));
      totals.append(
          "    if (%1$s != null) {\n      sum += %1$s.total() / %2$d;\n    }\n"
              .formatted(field, 2 + random.nextInt(8)));
      adjust.append(
          "    adjusted += %1$sCodes.checksum(amount, %1$sCodes.MAX_LENGTH) %% 3;\n"
              .formatted(dep.name()));
    }
    put(
        f,
        "main",
        "Default" + f.name() + "Service",
        """
        package %1$s;

        %3$simport java.util.ArrayList;
        import java.util.Comparator;
        import java.util.List;
        import java.util.NoSuchElementException;
        import java.util.concurrent.atomic.AtomicLong;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.stereotype.Service;

        /** The %2$s service: rules over the repository and the features it builds on. */
        @Service
        public class Default%2$sService implements %2$sService {
          private final %2$sRepository repository;
          private final AtomicLong ids = new AtomicLong();
        %4$s
          @Autowired
          public Default%2$sService(%2$sRepository repository) {
            this.repository = repository;
          }

          @Override
          public %2$s get(long id) {
            return repository
                .findById(id)
                .orElseThrow(() -> new NoSuchElementException("no %2$s " + id));
          }

          @Override
          public List<%2$s> list(String filter) {
            String code = %2$sCodes.normalize(filter);
            List<%2$s> result = new ArrayList<>();
            for (%2$s item : repository.findAll()) {
              if (%2$sCodes.normalize(item.name()).startsWith(code)) {
                result.add(item);
              }
            }
            result.sort(Comparator.comparingLong(%2$s::amount));
            return result;
          }

          @Override
          public %2$s create(String name, long amount) {
            %2$s item = new %2$s(ids.incrementAndGet(), %2$sCodes.normalize(name), adjust(amount));
            repository.save(item);
            return item;
          }

          @Override
          public long total() {
            long sum = 0;
            for (%2$s item : repository.findAll()) {
              sum += %2$sStatus.of(item).weight(item.amount());
            }
        %5$s    return sum;
          }

          private long adjust(long amount) {
            long adjusted = amount;
        %6$s    return adjusted;
          }
        }
        """
            .formatted(f.pkg(), f.name(), imports, fields, totals, adjust));
  }

  private void controller(Feature f) {
    String path = "/" + f.name().toLowerCase(Locale.ROOT) + "s";
    put(
        f,
        "main",
        f.name() + "Controller",
        """
        package %1$s;

        import java.util.List;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.PathVariable;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RequestMapping;
        import org.springframework.web.bind.annotation.RequestParam;
        import org.springframework.web.bind.annotation.RestController;

        /** The HTTP API of %2$s records under %3$s. */
        @RestController
        @RequestMapping("%3$s")
        public class %2$sController {
          private final %2$sService service;

          public %2$sController(%2$sService service) {
            this.service = service;
          }

          @GetMapping("/{id}")
          public %2$s get(@PathVariable("id") long id) {
            return service.get(id);
          }

          @GetMapping
          public List<%2$s> list(@RequestParam("q") String query) {
            return service.list(query);
          }

          @PostMapping
          public %2$s create(@RequestParam("name") String name, @RequestParam("amount") long amount) {
            return service.create(name, amount);
          }
        }
        """
            .formatted(f.pkg(), f.name(), path));
  }

  private void jobs(Feature f) {
    put(
        f,
        "main",
        f.name() + "Jobs",
        """
        package %1$s;

        import org.springframework.kafka.annotation.KafkaListener;
        import org.springframework.scheduling.annotation.Scheduled;
        import org.springframework.stereotype.Component;

        /** Refreshes the %2$s total and takes new records from the %3$s topic. */
        @Component
        public class %2$sJobs {
          private final %2$sService service;
          private long lastTotal;

          public %2$sJobs(%2$sService service) {
            this.service = service;
          }

          @Scheduled(fixedRate = %4$d)
          public void refresh() {
            lastTotal = service.total();
          }

          @KafkaListener(topics = "%3$s")
          public void onEvent(String payload) {
            String[] parts = payload.split(":");
            service.create(parts[0], Long.parseLong(parts[1]));
          }

          public long lastTotal() {
            return lastTotal;
          }
        }
        """
            .formatted(
                f.pkg(),
                f.name(),
                f.name().toLowerCase(Locale.ROOT) + "-events",
                1000 * (1 + random.nextInt(600))));
  }

  private void test(Feature f) {
    put(
        f,
        "test",
        "Default" + f.name() + "ServiceTest",
        """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import org.junit.jupiter.api.Test;

        /** Tests the %2$s service through its interface. */
        class Default%2$sServiceTest {
          private final %2$sService service = new Default%2$sService(new Jdbc%2$sRepository());

          @Test
          void createsAndGets() {
            %2$s created = service.create("Alpha", 10);
            assertEquals(created, service.get(created.id()));
          }

          @Test
          void listsByPrefix() {
            service.create("beta", 5);
            assertEquals(1, service.list("be").size());
          }

          @Test
          void totalsAreNeverNegative() {
            service.create("gamma", 7);
            assertTrue(service.total() >= 0);
          }
        }
        """
            .formatted(f.pkg(), f.name()));
  }

  private static String annotation(String pkg, String name, String target, String members) {
    return """
        package %s;

        import java.lang.annotation.ElementType;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import java.lang.annotation.Target;

        /** A stub of the framework annotation, so the corpus compiles without the framework. */
        @Retention(RetentionPolicy.RUNTIME)
        @Target({%s})
        public @interface %s {
        %s}
        """
        .formatted(pkg, target, name, members);
  }

  private static final Map<String, String> STUBS = stubs();

  private static Map<String, String> stubs() {
    Map<String, String> stubs = new LinkedHashMap<>();
    String web = "org.springframework.web.bind.annotation";
    String value = "  String value() default \"\";\n";
    String values = "  String[] value() default {};\n";
    Object[][] annotations = {
      {web, "RestController", "ElementType.TYPE", value},
      {web, "RequestMapping", "ElementType.TYPE, ElementType.METHOD", values},
      {web, "GetMapping", "ElementType.METHOD", values},
      {web, "PostMapping", "ElementType.METHOD", values},
      {web, "PathVariable", "ElementType.PARAMETER", value},
      {web, "RequestParam", "ElementType.PARAMETER", value},
      {"org.springframework.stereotype", "Service", "ElementType.TYPE", value},
      {"org.springframework.stereotype", "Repository", "ElementType.TYPE", value},
      {"org.springframework.stereotype", "Component", "ElementType.TYPE", value},
      {
        "org.springframework.beans.factory.annotation",
        "Autowired",
        "ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.METHOD",
        "  boolean required() default true;\n"
      },
      {
        "org.springframework.scheduling.annotation",
        "Scheduled",
        "ElementType.METHOD",
        "  long fixedRate() default -1;\n\n  String cron() default \"\";\n"
      },
      {
        "org.springframework.kafka.annotation",
        "KafkaListener",
        "ElementType.METHOD",
        "  String[] topics() default {};\n"
      },
      {"org.junit.jupiter.api", "Test", "ElementType.METHOD", ""},
    };
    for (Object[] a : annotations) {
      String pkg = (String) a[0];
      String name = (String) a[1];
      stubs.put(
          pkg.replace('.', '/') + "/" + name + ".java",
          annotation(pkg, name, (String) a[2], (String) a[3]));
    }
    stubs.put(
        "org/junit/jupiter/api/Assertions.java",
        """
        package org.junit.jupiter.api;

        import java.util.Objects;

        /** A stub of JUnit's assertions. */
        public final class Assertions {
          private Assertions() {}

          public static void assertEquals(Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
              throw new AssertionError("expected " + expected + " but was " + actual);
            }
          }

          public static void assertTrue(boolean condition) {
            if (!condition) {
              throw new AssertionError("expected true");
            }
          }
        }
        """);
    return stubs;
  }
}
