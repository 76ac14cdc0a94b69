package dev.scrutineer.analysis.surface;

import static dev.scrutineer.analysis.surface.Changes.added;
import static dev.scrutineer.analysis.surface.Changes.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.config.RuleSpec;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Surface;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every built-in rule against a realistic change it must flag and a near miss it must not. A rule
 * without both kinds of example fails {@link #everyBuiltInRuleHasAPositiveAndANegativeExample}.
 */
class BuiltinRulesTest {
  /** One changed file with one added line; for path-only rules the line does not matter. */
  record Example(String rule, String path, String line, boolean fires) {
    @Override
    public String toString() {
      return (fires ? "flags " : "ignores ") + rule + ": " + path + " | " + line;
    }
  }

  private static Example yes(String rule, String path, String line) {
    return new Example(rule, path, line, true);
  }

  private static Example no(String rule, String path, String line) {
    return new Example(rule, path, line, false);
  }

  private static Example yes(String rule, String path) {
    return yes(rule, path, "x");
  }

  private static Example no(String rule, String path) {
    return no(rule, path, "x");
  }

  private static final String MAIN = "src/main/java/com/acme/shop/";
  private static final String TEST = "src/test/java/com/acme/shop/";
  private static final String APP_YML = "src/main/resources/application.yml";
  private static final String APP_PROPERTIES = "src/main/resources/application.properties";

  static final List<Example> EXAMPLES =
      List.of(
          // authn-authz
          yes(
              "auth.security-config",
              MAIN + "SecurityConfig.java",
              "  SecurityFilterChain api(HttpSecurity http) throws Exception {"),
          yes(
              "auth.security-config",
              MAIN + "SecurityConfig.java",
              "    http.csrf(c -> c.disable());"),
          no(
              "auth.security-config",
              TEST + "SecurityConfigTest.java",
              "  @Autowired SecurityFilterChain chain;"),
          no(
              "auth.security-config",
              MAIN + "SecurityConfig.java",
              "  // HttpSecurity is configured in the gateway"),
          yes(
              "auth.access-rules",
              MAIN + "SecurityConfig.java",
              "        .requestMatchers(\"/admin/**\").permitAll()"),
          no(
              "auth.access-rules",
              MAIN + "OrderController.java",
              "    boolean authenticated = user.isAuthenticated();"),
          yes(
              "auth.method-security",
              MAIN + "AdminService.java",
              "  @PreAuthorize(\"hasRole('ADMIN')\")"),
          no(
              "auth.method-security",
              MAIN + "AdminService.java",
              "  /** Callers must hold @PreAuthorize on the facade. */"),
          yes("auth.tokens", MAIN + "TokenService.java", "    Jwt jwt = jwtDecoder.decode(token);"),
          yes(
              "auth.tokens",
              APP_YML,
              "          issuer-uri: https://login.acme.example/realms/shop"),
          no(
              "auth.tokens",
              MAIN + "OrderService.java",
              "    return orders.findByCustomer(customerId);"),
          yes("auth.tokens", MAIN + "AuthController.java", "    return principal.getJwt();"),
          no("auth.tokens", MAIN + "Commits.java", "    return coAuthor(trailer, evidence);"),
          yes(
              "auth.sessions-cookies",
              MAIN + "LogoutHandler.java",
              "    request.getSession().invalidate();"),
          yes(
              "auth.sessions-cookies",
              MAIN + "CookieFactory.java",
              "    cookie.setHttpOnly(true);"),
          no("auth.sessions-cookies", MAIN + "PriceCache.java", "    cache.invalidateAll();"),
          yes(
              "auth.passwords",
              MAIN + "PasswordConfig.java",
              "    return new BCryptPasswordEncoder(12);"),
          yes(
              "auth.passwords",
              MAIN + "LegacyLogin.java",
              "    if (password.equals(user.getPassword())) {"),
          no(
              "auth.passwords",
              TEST + "PasswordConfigTest.java",
              "    PasswordEncoder encoder = new BCryptPasswordEncoder();"),
          no(
              "auth.passwords",
              MAIN + "AccountLinks.java",
              "  private final String passwordResetUrl;"),
          yes(
              "auth.filters",
              MAIN + "ApiKeyFilter.java",
              "public class ApiKeyFilter extends OncePerRequestFilter {"),
          yes(
              "auth.filters",
              MAIN + "SecurityConfig.java",
              "    http.addFilterBefore(apiKeyFilter, UsernamePasswordAuthenticationFilter.class);"),
          no(
              "auth.filters",
              MAIN + "PriceFilter.java",
              "public class PriceFilter implements Predicate<Price> {"),
          yes("auth.security-code", MAIN + "security/TokenService.java"),
          yes("auth.security-code", "services/api/src/main/kotlin/com/acme/auth/Login.kt"),
          no("auth.security-code", TEST + "security/TokenServiceTest.java"),
          no("auth.security-code", MAIN + "billing/Invoice.java"),

          // crypto-secrets
          yes(
              "crypto.primitives",
              MAIN + "Encryptor.java",
              "    Cipher cipher = Cipher.getInstance(\"AES/GCM/NoPadding\");"),
          no(
              "crypto.primitives",
              MAIN + "TlsSettings.java",
              "    String cipherName = config.cipher();"),
          yes(
              "crypto.weak-algorithms",
              MAIN + "Checksums.java",
              "    MessageDigest md = MessageDigest.getInstance(\"MD5\");"),
          yes(
              "crypto.weak-algorithms",
              MAIN + "Encryptor.java",
              "    Cipher c = Cipher.getInstance(\"AES\");"),
          no(
              "crypto.weak-algorithms",
              MAIN + "Encryptor.java",
              "    Cipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");"),
          yes(
              "crypto.random",
              MAIN + "ResetTokens.java",
              "    String token = Long.toHexString(new Random().nextLong());"),
          yes(
              "crypto.random",
              MAIN + "ResetTokens.java",
              "  private final SecureRandom random = new SecureRandom();"),
          no(
              "crypto.random",
              MAIN + "Recommendations.java",
              "    Collections.shuffle(candidates, new Random(seed));"),
          no(
              "crypto.random",
              MAIN + "Backoff.java",
              "    long jitter = ThreadLocalRandom.current().nextLong(50);"),
          yes(
              "crypto.keystores",
              MAIN + "TlsConfig.java",
              "    KeyStore ks = KeyStore.getInstance(\"PKCS12\");"),
          yes("crypto.keystores", APP_PROPERTIES, "server.ssl.key-store=classpath:keystore.p12"),
          no(
              "crypto.keystores",
              MAIN + "Cache.java",
              "    Map<String, Key> keys = new HashMap<>();"),
          yes(
              "crypto.tls",
              MAIN + "PartnerClient.java",
              "    SSLContext ctx = SSLContext.getInstance(\"TLS\");"),
          yes(
              "crypto.tls",
              MAIN + "PartnerClient.java",
              "    conn.setHostnameVerifier((host, session) -> true);"),
          no(
              "crypto.tls",
              MAIN + "PartnerClient.java",
              "    HttpClient client = HttpClient.newHttpClient();"),
          yes("crypto.certificates", "src/main/resources/certs/partner-ca.crt"),
          no("crypto.certificates", "src/test/resources/certs/test-ca.crt"),
          yes(
              "secrets.hardcoded",
              MAIN + "Db.java",
              "  private static final String DB_PASSWORD = \"hunter2-prod\";"),
          yes(
              "secrets.hardcoded",
              "web/src/api.ts",
              "const apiKey = \"a8f5f167f44f4964e6c998dee827110c\";"),
          yes("secrets.hardcoded", APP_YML, "    password: \"hunter2-prod\""),
          no("secrets.hardcoded", TEST + "LoginTest.java", "    // password = \"hunter2-test\""),
          no(
              "secrets.hardcoded",
              MAIN + "LoginController.java",
              "    String password = request.getParameter(\"password\");"),
          no("secrets.hardcoded", APP_YML, "    password: \"${DB_PASSWORD}\""),
          yes("secrets.config-values", APP_PROPERTIES, "spring.datasource.password=hunter2prod"),
          yes("secrets.config-values", ".env", "STRIPE_SECRET=sk_test_abcdef123456"),
          yes("secrets.config-values", APP_YML, "  # password: oldpassword1"),
          no("secrets.config-values", APP_YML, "    password: ${DB_PASSWORD}"),
          no("secrets.config-values", APP_YML, "  token-validity-seconds: 3600"),
          no("secrets.config-values", APP_YML, "  max-token: 100000"),
          no("secrets.config-values", ".env.example", "DB_PASSWORD=changeme"),
          yes(
              "secrets.private-keys",
              "src/test/resources/keys/server.pem",
              "-----BEGIN RSA PRIVATE KEY-----"),
          no(
              "secrets.private-keys",
              "src/main/resources/certs/ca.pem",
              "-----BEGIN CERTIFICATE-----"),
          yes(
              "secrets.token-formats",
              "src/main/resources/aws.properties",
              "aws.accessKeyId=AKIAIOSFODNN7EXAMPLE"),
          yes(
              "secrets.token-formats",
              "scripts/release.sh",
              "export GITHUB_TOKEN=ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"),
          no(
              "secrets.token-formats",
              MAIN + "AwsKeys.java",
              "  static final String PREFIX = \"AKIA\";"),
          yes("secrets.key-files", "deploy/keys/prod.pem"),
          yes("secrets.key-files", "src/main/resources/keystore.jks"),
          no("secrets.key-files", "src/test/resources/test-keystore.jks"),
          no("secrets.key-files", "docs/keys.md"),
          yes("secrets.env-files", ".env.production"),
          yes("secrets.env-files", "services/api/.env"),
          no("secrets.env-files", ".env.example"),

          // data-access
          yes(
              "data.sql",
              MAIN + "OrderDao.java",
              "    String sql = \"SELECT id, total FROM orders WHERE customer_id = \" + customerId;"),
          yes(
              "data.sql",
              MAIN + "Accounts.java",
              "            UPDATE accounts SET balance = balance - ? WHERE id = ?"),
          yes(
              "data.sql",
              "web/src/db.ts",
              "  await db.query('select id, name from users where id = $1', [id]);"),
          no(
              "data.sql",
              MAIN + "PlanPicker.java",
              "    log.info(\"select a plan from the dropdown\");"),
          no("data.sql", TEST + "OrderDaoTest.java", "    jdbc.execute(\"DELETE FROM orders\");"),
          yes(
              "data.queries",
              MAIN + "OrderDao.java",
              "    return jdbcTemplate.queryForObject(sql, Long.class, id);"),
          yes(
              "data.queries",
              MAIN + "OrderRepository.java",
              "  @Query(\"select o from Order o where o.status = :status\")"),
          no(
              "data.queries",
              MAIN + "PartnerClient.java",
              "    return restTemplate.getForObject(url, Order.class);"),
          yes(
              "data.transactions",
              MAIN + "Payments.java",
              "  @Transactional(propagation = Propagation.REQUIRES_NEW)"),
          yes("data.transactions", MAIN + "Payments.java", "    connection.rollback();"),
          no(
              "data.transactions",
              MAIN + "Release.java",
              "    git.commit().setMessage(\"release\").call();"),
          yes(
              "data.entities",
              MAIN + "Order.java",
              "  @OneToMany(mappedBy = \"order\", cascade = CascadeType.ALL, orphanRemoval = true)"),
          yes(
              "data.entities",
              MAIN + "Order.java",
              "  @Column(name = \"total_cents\", nullable = false)"),
          no("data.entities", MAIN + "OrderDto.java", "  @JsonProperty(\"total\")"),
          yes("data.repositories", MAIN + "order/OrderRepository.java"),
          no("data.repositories", TEST + "order/OrderRepositoryTest.java"),
          no("data.repositories", MAIN + "order/OrderService.java"),
          yes("data.mybatis-mappers", "src/main/resources/mapper/OrderMapper.xml"),
          no("data.mybatis-mappers", "src/main/resources/logback.xml"),
          yes("data.sql-files", "src/main/resources/schema.sql"),
          no("data.sql-files", "src/main/resources/db/migration/V3__add_index.sql"),

          // migration
          yes("migration.flyway", "src/main/resources/db/migration/V3__add_index.sql"),
          yes("migration.flyway", "db/V12__backfill_totals.sql"),
          no("migration.flyway", "src/main/resources/db/seed/data.sql"),
          yes("migration.liquibase", "src/main/resources/db/changelog/db.changelog-master.yaml"),
          no("migration.liquibase", "CHANGELOG.md"),
          yes("migration.other-tools", "app/migrations/0004_add_order_status.py"),
          yes("migration.other-tools", "db/migrate/20240101120000_add_users.rb"),
          no("migration.other-tools", MAIN + "migration/Migrator.java"),
          yes(
              "migration.destructive",
              "src/main/resources/db/migration/V7__drop_legacy.sql",
              "ALTER TABLE orders DROP COLUMN legacy_status;"),
          yes(
              "migration.destructive",
              "src/main/resources/db/changelog/changes/042-orders.yaml",
              "      - dropColumn:"),
          no(
              "migration.destructive",
              "src/main/resources/db/migration/V8__add_note.sql",
              "ALTER TABLE orders ADD COLUMN note TEXT;"),
          no(
              "migration.destructive",
              "src/main/resources/db/migration/V8__add_note.sql",
              "-- DROP TABLE orders_old; kept until the next release"),

          // infrastructure
          yes("infra.kubernetes", "k8s/base/deployment.yaml"),
          yes("infra.kubernetes", "deploy/prod/api.yml"),
          yes("infra.kubernetes", "kustomization.yaml"),
          no("infra.kubernetes", APP_YML),
          yes(
              "infra.workload-privileges",
              "k8s/base/deployment.yaml",
              "          privileged: true"),
          yes("infra.workload-privileges", "docker-compose.yml", "    network_mode: host"),
          yes(
              "infra.workload-privileges",
              "docker-compose.yml",
              "      - /var/run/docker.sock:/var/run/docker.sock"),
          no("infra.workload-privileges", APP_YML, "  privileges-cache: 10m"),
          yes("infra.helm", "charts/api/values-prod.yaml"),
          yes("infra.helm", "charts/api/templates/_helpers.tpl"),
          no("infra.helm", "src/main/resources/values.properties"),
          yes("infra.terraform", "infra/main.tf"),
          yes("infra.terraform", "infra/envs/prod.tfvars"),
          no("infra.terraform", "docs/terraform.md"),
          yes("infra.cloud-templates", "cdk.json"),
          yes("infra.cloud-templates", "infra/Pulumi.prod.yaml"),
          no("infra.cloud-templates", "src/main/resources/templates/email.html"),
          yes("infra.dockerfile", "Dockerfile"),
          yes("infra.dockerfile", "docker/Dockerfile.prod"),
          no("infra.dockerfile", "docs/dockerfile-guide.md"),
          yes("infra.docker-compose", "docker-compose.yml"),
          yes("infra.docker-compose", "compose.override.yaml"),
          no("infra.docker-compose", MAIN + "Compose.java"),
          yes("infra.proxies", "deploy/nginx/nginx.conf"),
          yes("infra.proxies", "envoy.yaml"),
          no("infra.proxies", "src/main/resources/logback.xml"),

          // ci-cd
          yes("ci.github-actions", ".github/workflows/ci.yml"),
          no("ci.github-actions", ".github/ISSUE_TEMPLATE/bug.yml"),
          no("ci.github-actions", "docs/workflows/ci.yml"),
          yes("ci.github-actions-risky", ".github/workflows/label.yml", "  pull_request_target:"),
          yes(
              "ci.github-actions-risky",
              ".github/workflows/ci.yml",
              "      - run: echo \"${{ github.event.pull_request.title }}\""),
          yes(
              "ci.github-actions-risky",
              ".github/workflows/ci.yml",
              "      - uses: actions/checkout@v4"),
          no(
              "ci.github-actions-risky",
              ".github/workflows/ci.yml",
              "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"),
          no("ci.github-actions-risky", ".github/workflows/ci.yml", "      - run: mvn -B verify"),
          yes("ci.gitlab", ".gitlab-ci.yml"),
          no("ci.gitlab", "docs/gitlab.md"),
          yes("ci.jenkins", "Jenkinsfile"),
          no("ci.jenkins", MAIN + "Jenkins.java"),
          yes("ci.circleci", ".circleci/config.yml"),
          no("ci.circleci", "docs/circleci.md"),
          yes("ci.azure-pipelines", "azure-pipelines.yml"),
          no("ci.azure-pipelines", "azure/app.json"),
          yes("ci.other", ".travis.yml"),
          yes("ci.other", ".buildkite/pipeline.yml"),
          no("ci.other", "docs/travis.md"),
          yes("ci.codeowners", ".github/CODEOWNERS"),
          no("ci.codeowners", "docs/OWNERS.md"),

          // dependencies
          yes("deps.maven", "pom.xml", "      <version>3.3.5</version>"),
          yes(
              "deps.maven",
              "orders/pom.xml",
              "    <spring-boot.version>3.3.5</spring-boot.version>"),
          no("deps.maven", "pom.xml", "  <description>Order service</description>"),
          no("deps.maven", "pom.xml", "  <!-- <version>1.0</version> -->"),
          yes("deps.gradle", "build.gradle.kts"),
          yes("deps.gradle", "gradle/libs.versions.toml"),
          no("deps.gradle", MAIN + "Gradle.java"),
          yes("deps.npm", "package.json"),
          yes("deps.npm", "web/package.json"),
          no("deps.npm", "web/node_modules/left-pad/package.json"),
          yes("deps.lockfiles", "package-lock.json"),
          yes("deps.lockfiles", "go.sum"),
          yes("deps.lockfiles", "gradle.lockfile"),
          no("deps.lockfiles", "src/lock.json"),
          yes("deps.python", "requirements-dev.txt"),
          yes("deps.python", "pyproject.toml"),
          no("deps.python", "docs/requirements.md"),
          yes("deps.go", "go.mod"),
          no("deps.go", "docs/go.md"),
          yes("deps.other", "Cargo.toml"),
          yes("deps.other", "Gemfile"),
          no("deps.other", "docs/Cargo.md"),
          yes("deps.build-wrappers", "gradle/wrapper/gradle-wrapper.properties"),
          yes("deps.build-wrappers", ".mvn/wrapper/maven-wrapper.properties"),
          yes("deps.build-wrappers", "mvnw"),
          no("deps.build-wrappers", "gradle/other.txt"),
          yes("deps.update-config", ".github/dependabot.yml"),
          yes("deps.update-config", "renovate.json"),
          no("deps.update-config", ".github/labeler.yml"),

          // concurrency
          yes(
              "concurrency.locking",
              MAIN + "Inventory.java",
              "  private final ReentrantLock lock = new ReentrantLock();"),
          yes(
              "concurrency.locking",
              MAIN + "Inventory.java",
              "  public synchronized void add(Item item) {"),
          no(
              "concurrency.locking",
              MAIN + "OrderRepository.java",
              "  @Lock(LockModeType.PESSIMISTIC_WRITE)"),
          no("concurrency.locking", MAIN + "Inventory.java", "  // synchronized by the caller"),
          yes(
              "concurrency.threads",
              MAIN + "Exporter.java",
              "  private final ExecutorService pool = Executors.newFixedThreadPool(8);"),
          yes("concurrency.threads", MAIN + "Mailer.java", "  @Async"),
          no(
              "concurrency.threads",
              MAIN + "Orders.java",
              "    List<Order> open = orders.stream().filter(Order::open).toList();"),
          yes(
              "concurrency.shared-state",
              MAIN + "Sessions.java",
              "  private final Map<String, Session> sessions = new ConcurrentHashMap<>();"),
          yes(
              "concurrency.shared-state",
              MAIN + "TenantContext.java",
              "  private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();"),
          no(
              "concurrency.shared-state",
              MAIN + "Sessions.java",
              "  private final Map<String, Session> sessions = new HashMap<>();"),

          // error-handling
          yes("errors.catch-blocks", MAIN + "Importer.java", "    } catch (IOException e) {"),
          yes(
              "errors.catch-blocks",
              MAIN + "Importer.java",
              "  void load(Path file) throws IOException {"),
          no("errors.catch-blocks", TEST + "ImporterTest.java", "    } catch (IOException e) {"),
          no(
              "errors.catch-blocks",
              MAIN + "Importer.java",
              "    // catch (Exception e) would hide it"),
          yes("errors.swallowed", MAIN + "Importer.java", "    } catch (Exception ignored) {"),
          yes(
              "errors.swallowed",
              MAIN + "Importer.java",
              "    } catch (InterruptedException e) {}"),
          yes("errors.swallowed", MAIN + "Importer.java", "      e.printStackTrace();"),
          no("errors.swallowed", MAIN + "Importer.java", "    } catch (IOException e) {"),
          yes(
              "errors.handlers",
              MAIN + "ApiErrors.java",
              "  @ExceptionHandler(OrderNotFoundException.class)"),
          yes("errors.handlers", MAIN + "ApiErrors.java", "@RestControllerAdvice"),
          no("errors.handlers", MAIN + "OrderController.java", "  @GetMapping(\"/orders/{id}\")"),
          yes(
              "errors.retries",
              MAIN + "PartnerClient.java",
              "  @Retryable(maxAttempts = 5, backoff = @Backoff(delay = 200))"),
          yes("errors.retries", APP_YML, "      max-attempts: 5"),
          no("errors.retries", MAIN + "Orders.java", "    return orders.findAll();"),
          yes(
              "errors.timeouts",
              MAIN + "PartnerClient.java",
              "        .connectTimeout(Duration.ofSeconds(30))"),
          yes("errors.timeouts", APP_PROPERTIES, "spring.mvc.async.request-timeout=30s"),
          no("errors.timeouts", MAIN + "Cache.java", "    Duration ttl = Duration.ofMinutes(5);"),

          // public-api
          yes(
              "api.java-signatures",
              MAIN + "OrderService.java",
              "  public Order place(Cart cart, Customer customer) {"),
          yes(
              "api.java-signatures",
              MAIN + "OrderService.java",
              "  @Deprecated protected void onPlaced(Order order) {"),
          no(
              "api.java-signatures",
              MAIN + "OrderService.java",
              "  private Order place(Cart cart) {"),
          no(
              "api.java-signatures",
              TEST + "OrderServiceTest.java",
              "  public void placesAnOrder() {"),
          yes("api.java-modules", "src/main/java/module-info.java"),
          no("api.java-modules", MAIN + "Module.java"),
          yes("api.endpoints", MAIN + "OrderController.java", "  @GetMapping(\"/orders/{id}\")"),
          yes("api.endpoints", MAIN + "OrderEvents.java", "  @KafkaListener(topics = \"orders\")"),
          no("api.endpoints", MAIN + "OrderService.java", "@Service"),
          yes("api.serialization", MAIN + "OrderDto.java", "  @JsonProperty(\"total_cents\")"),
          no("api.serialization", MAIN + "Order.java", "  @Column(name = \"total_cents\")"),
          yes(
              "api.validation",
              MAIN + "NewOrder.java",
              "    @NotNull @Size(max = 64) String name,"),
          no("api.validation", MAIN + "NewOrder.java", "    @Nullable String nickname,"),
          yes("api.openapi", "src/main/resources/openapi.yaml"),
          yes("api.openapi", "api/openapi/orders.yml"),
          no("api.openapi", "docs/api.md"),
          yes("api.protobuf", "proto/orders/v1/orders.proto"),
          no("api.protobuf", "docs/orders.protobuf.md"),
          yes("api.avro", "src/main/avro/Order.avsc"),
          no("api.avro", MAIN + "Order.java"),
          yes("api.graphql", "src/main/resources/graphql/schema.graphqls"),
          no("api.graphql", "docs/graphql.md"),
          yes("api.schemas", "schemas/order.schema.json"),
          no("api.schemas", "package-info.json"),

          // config
          yes("config.application-properties", "src/main/resources/application-prod.yml"),
          yes("config.application-properties", APP_PROPERTIES),
          no("config.application-properties", "src/test/resources/application.yml"),
          yes(
              "config.injected-values",
              MAIN + "Limits.java",
              "  @Value(\"${orders.max-items:50}\") int maxItems;"),
          yes(
              "config.injected-values",
              MAIN + "Region.java",
              "    String region = System.getenv(\"AWS_REGION\");"),
          no("config.injected-values", MAIN + "Money.java", "@Value"),
          yes(
              "config.feature-flags",
              MAIN + "Checkout.java",
              "    if (ldClient.boolVariation(\"new-checkout\", context, false)) {"),
          yes("config.feature-flags", APP_YML, "features:"),
          yes("config.feature-flags", APP_PROPERTIES, "feature.new-checkout.enabled=true"),
          no(
              "config.feature-flags",
              MAIN + "Catalog.java",
              "    List<Feature> features = catalog.features();"),
          yes("config.scrutineer", "scrutineer.yml"),
          no("config.scrutineer", "docs/examples/scrutineer.yml"),

          // agent-config
          yes("agent.instructions", "CLAUDE.md"),
          yes("agent.instructions", "services/api/AGENTS.md"),
          yes("agent.instructions", ".cursor/rules/java.mdc"),
          yes("agent.instructions", ".github/copilot-instructions.md"),
          no("agent.instructions", "docs/claude.md"),
          no("agent.instructions", "README.md"),
          yes("agent.tooling", ".claude/settings.json"),
          yes("agent.tooling", ".mcp.json"),
          yes("agent.tooling", ".claude/hooks/format.sh"),
          no("agent.tooling", ".vscode/settings.json"));

  private static final SurfaceAnalyzer ANALYZER = new SurfaceAnalyzer(ScrutineerConfig.defaults());

  @ParameterizedTest(name = "{0}")
  @FieldSource("EXAMPLES")
  void flagsWhatItShouldAndNothingElse(Example example) {
    List<Finding> findings = ANALYZER.analyze(change(added(example.path(), example.line())));
    List<Finding> own = findings.stream().filter(f -> f.ruleId().equals(example.rule())).toList();
    if (!example.fires()) {
      assertThat(own).as("findings of %s", example.rule()).isEmpty();
      return;
    }
    assertThat(own).as("findings of %s", example.rule()).hasSize(1);
    Finding finding = own.get(0);
    RuleSpec rule = rule(example.rule());
    assertThat(finding.path()).isEqualTo(example.path());
    assertThat(finding.surface()).isEqualTo(rule.surface());
    assertThat(finding.removed()).isFalse();
    if (rule.pathOnly()) {
      assertThat(finding.lines()).isEmpty();
      assertThat(finding.evidence()).isEqualTo(example.path());
    } else {
      assertThat(finding.lines()).containsExactly(1);
      assertThat(finding.evidence()).isNotBlank();
    }
  }

  @Test
  void everyBuiltInRuleHasAPositiveAndANegativeExample() {
    Map<Boolean, Set<String>> covered =
        EXAMPLES.stream()
            .collect(
                Collectors.partitioningBy(
                    Example::fires, Collectors.mapping(Example::rule, Collectors.toSet())));
    Set<String> ids =
        SurfaceAnalyzer.builtinRules().stream().map(RuleSpec::id).collect(Collectors.toSet());
    assertThat(covered.get(true)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(covered.get(false)).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void everySurfaceHasBuiltInRules() {
    Set<Surface> covered = new HashSet<>();
    SurfaceAnalyzer.builtinRules().forEach(r -> covered.add(r.surface()));
    assertThat(covered).containsExactlyInAnyOrder(Surface.values());
  }

  @Test
  void everyBuiltInRuleExplainsItselfInAReviewersTerms() {
    for (RuleSpec rule : SurfaceAnalyzer.builtinRules()) {
      assertThat(rule.title()).as(rule.id()).hasSizeLessThanOrEqualTo(50).doesNotEndWith(".");
      assertThat(rule.because()).as(rule.id()).endsWith(".").hasSizeBetween(60, 300);
      assertThat(rule.origin().source()).isEqualTo(SurfaceAnalyzer.BUILTIN_RESOURCE);
      assertThat(rule.id().substring(0, rule.id().indexOf('.')))
          .as(rule.id())
          .isIn(
              "auth",
              "crypto",
              "secrets",
              "data",
              "migration",
              "infra",
              "ci",
              "deps",
              "concurrency",
              "errors",
              "api",
              "config",
              "agent");
    }
  }

  @Test
  void theIdsTheDocumentationUsesExist() {
    Set<String> ids =
        SurfaceAnalyzer.builtinRules().stream().map(RuleSpec::id).collect(Collectors.toSet());
    assertThat(ids).contains("deps.npm", "ci.github-actions");
  }

  private static RuleSpec rule(String id) {
    return RULES.get(id);
  }

  private static final Map<String, RuleSpec> RULES =
      SurfaceAnalyzer.builtinRules().stream()
          .collect(Collectors.toMap(RuleSpec::id, Function.identity()));

  static {
    // Fail early and clearly if an example names a rule that does not exist.
    Set<String> unknown =
        EXAMPLES.stream()
            .map(Example::rule)
            .filter(id -> !RULES.containsKey(id))
            .collect(Collectors.toSet());
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("examples name unknown rules: " + unknown);
    }
  }
}
