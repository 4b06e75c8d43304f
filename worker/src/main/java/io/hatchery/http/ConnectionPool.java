package io.hatchery.http;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client and connection pool that {@link HttpSession}s send through: one per worker
 * process (or per user class that wants its own settings). Its counterpart in Locust is the set of
 * urllib3 pools behind the sessions, and its {@code pool_manager} when users share one.
 *
 * <p>Sessions keep Locust's default of <em>separate connections per user</em> although they share
 * this client: each session has a connection group with a small pool of its own (sessions created
 * with the same group key share one), so finding a user's idle connection costs the same with 10 or
 * 10,000 users (HttpClient's single pool scans every idle connection under one lock). A background
 * thread closes connections idle longer than {@link Builder#idleTimeout}; before reuse a connection
 * is checked with one non-blocking read (see {@code ProbedConnection}), so one the server closed is
 * replaced instead of failing the request.
 *
 * <p>Defaults: 60 s connect and response timeouts (FastHttpUser's; requests has none), 30 redirects
 * (requests'), no retries (Locust's {@code max_retries=0}), proxies ignored, certificates verified,
 * relaxed cookie parsing, gzip/deflate decoded. Thread-safe; close it after the sessions.
 *
 * <pre>{@code
 * try (ConnectionPool pool = ConnectionPool.builder().responseTimeout(Duration.ofSeconds(5)).build()) {
 *   HttpSession session = new HttpSession(pool, "http://target", reporter);
 *   ...
 * }
 * }</pre>
 */
public final class ConnectionPool implements AutoCloseable {

  private final CloseableHttpClient client;
  private final GroupedConnections connections;
  private final ConcurrentHashMap<Object, ConnectionGroup> sharedGroups = new ConcurrentHashMap<>();
  private final RequestConfig defaultConfig;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final int maxRedirects;

  private ConnectionPool(Builder builder) {
    this.connectTimeout = builder.connectTimeout;
    this.responseTimeout = builder.responseTimeout;
    this.maxRedirects = builder.maxRedirects;
    HttpClientConnectionOperator operator = connectionOperator(builder);
    this.connections =
        new GroupedConnections(() -> groupPool(builder, operator), builder.idleTimeout);
    this.defaultConfig =
        RequestConfig.custom()
            .setResponseTimeout(Timeout.of(responseTimeout))
            .setMaxRedirects(maxRedirects)
            // requests counts a redirect loop against max_redirects instead of refusing it.
            .setCircularRedirectsAllowed(true)
            .setCookieSpec(StandardCookieSpec.RELAXED)
            .build();
    HttpClientBuilder client =
        HttpClientBuilder.create()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(defaultConfig)
            .disableAutomaticRetries();
    if (builder.trustEnv) {
      client.useSystemProperties();
    }
    this.client = client.build();
  }

  /** A pool with the defaults. */
  public static ConnectionPool create() {
    return builder().build();
  }

  /** Settings for a new pool. */
  public static Builder builder() {
    return new Builder();
  }

  /** Connections open in this pool, leased and idle, over all sessions. */
  public int openConnections() {
    return connections.openConnections();
  }

  /** A new group of connections of its own, for one session. */
  ConnectionGroup newGroup() {
    return new ConnectionGroup(connections);
  }

  /** The group shared by every session created with {@code key}. */
  ConnectionGroup sharedGroup(Object key) {
    return sharedGroups.computeIfAbsent(key, k -> new ConnectionGroup(connections));
  }

  /** Closes every connection at once; requests in flight fail. Idempotent. */
  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }

  CloseableHttpClient client() {
    return client;
  }

  RequestConfig defaultConfig() {
    return defaultConfig;
  }

  Duration connectTimeout() {
    return connectTimeout;
  }

  Duration responseTimeout() {
    return responseTimeout;
  }

  int maxRedirects() {
    return maxRedirects;
  }

  private static HttpClientConnectionOperator connectionOperator(Builder builder) {
    TlsSocketStrategy tls =
        builder.insecure
            ? trustingEveryone()
            : builder.trustEnv
                ? DefaultClientTlsStrategy.createSystemDefault()
                : DefaultClientTlsStrategy.createDefault();
    Lookup<TlsSocketStrategy> tlsByScheme =
        RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build();
    // Sockets with channels, for the non-blocking stale check (see ProbedConnection).
    return new DefaultHttpClientConnectionOperator(
        ProbedConnection::openSocket, null, null, tlsByScheme);
  }

  /** The pool of one connection group (built by hand: the builder cannot share an operator). */
  private static PoolingHttpClientConnectionManager groupPool(
      Builder builder, HttpClientConnectionOperator operator) {
    PoolingHttpClientConnectionManager pool =
        new PoolingHttpClientConnectionManager(
            operator,
            PoolConcurrencyPolicy.STRICT,
            PoolReusePolicy.LIFO,
            TimeValue.NEG_ONE_MILLISECOND,
            ProbedConnection.FACTORY);
    pool.setMaxTotal(builder.maxConnections);
    pool.setDefaultMaxPerRoute(builder.maxConnections);
    pool.setDefaultConnectionConfig(
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(builder.connectTimeout))
            .setSocketTimeout(Timeout.of(builder.responseTimeout))
            .setValidateAfterInactivity(TimeValue.of(builder.validateAfterInactivity))
            .build());
    return pool;
  }

  private static TlsSocketStrategy trustingEveryone() {
    try {
      // CLIENT policy with a no-op verifier: JSSE's own host name check (BUILTIN) stays off too.
      return new DefaultClientTlsStrategy(
          SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build(),
          HostnameVerificationPolicy.CLIENT,
          NoopHostnameVerifier.INSTANCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context that trusts everyone", e);
    }
  }

  /** Settings of a {@link ConnectionPool}; not thread-safe. */
  public static final class Builder {
    private int maxConnections = 100_000;
    private Duration connectTimeout = Duration.ofSeconds(60);
    private Duration responseTimeout = Duration.ofSeconds(60);
    private Duration validateAfterInactivity = Duration.ZERO;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxRedirects = 30;
    private boolean trustEnv;
    private boolean insecure;

    private Builder() {}

    /** Most connections open at once per target host (and in total); default 100,000. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** How long to wait for a TCP connection; default 60 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout);
      return this;
    }

    /** The longest wait for data from the server (a read timeout); default 60 s. */
    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = positive(responseTimeout);
      return this;
    }

    /**
     * Idle time after which a pooled connection is checked before reuse; default zero: checked
     * before every reuse, which costs one non-blocking read (urllib3 checks every time too).
     */
    public Builder validateAfterInactivity(Duration validateAfterInactivity) {
      Objects.requireNonNull(validateAfterInactivity, "validateAfterInactivity");
      if (validateAfterInactivity.isNegative()) {
        throw new IllegalArgumentException("must not be negative: " + validateAfterInactivity);
      }
      this.validateAfterInactivity = validateAfterInactivity;
      return this;
    }

    /** Idle time after which a pooled connection is closed; default 60 s. */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout);
      return this;
    }

    /** Redirects followed per request before it fails; default 30 (requests'). */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0) {
        throw new IllegalArgumentException("maxRedirects must be >= 0: " + maxRedirects);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * Whether to take proxy settings from the JVM ({@code -Dhttp.proxyHost}, {@code
     * -Dhttps.proxyHost}, {@code -Dhttp.nonProxyHosts}, the default {@code ProxySelector}), like
     * requests' {@code trust_env}; default false: proxies are ignored.
     */
    public Builder trustEnv(boolean trustEnv) {
      this.trustEnv = trustEnv;
      return this;
    }

    /** Whether to accept any TLS certificate and host name (FastHttpUser's {@code insecure}). */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** A pool with these settings. */
    public ConnectionPool build() {
      return new ConnectionPool(this);
    }

    private static Duration positive(Duration duration) {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("must be positive: " + duration);
      }
      return duration;
    }
  }
}
