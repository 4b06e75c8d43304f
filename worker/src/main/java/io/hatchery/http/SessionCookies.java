package io.hatchery.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;
import org.apache.hc.core5.http.HttpHost;

/**
 * The cookie jar of one {@link HttpSession} (requests' {@code session.cookies}): filled from {@code
 * Set-Cookie} answers and sent back on later requests, for the life of the session. Thread-safe.
 *
 * <pre>{@code
 * client.cookies().set("sessionid", "abc");   // for the base URL's host, path "/"
 * String token = client.cookies().get("csrftoken");
 * }</pre>
 */
public final class SessionCookies {

  private final BasicCookieStore store = new BasicCookieStore();
  private final String host;

  SessionCookies(HttpHost baseHost) {
    this.host = baseHost == null ? null : baseHost.getHostName();
  }

  /** The value of the cookie {@code name} (any domain and path), or null. */
  public String get(String name) {
    for (Cookie cookie : store.getCookies()) {
      if (cookie.getName().equals(name)) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /** Every cookie's name and value; a later cookie of the same name wins. */
  public Map<String, String> asMap() {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (Cookie cookie : store.getCookies()) {
      cookies.put(cookie.getName(), cookie.getValue());
    }
    return cookies;
  }

  /**
   * Sets a cookie for the base URL's host and path {@code /}.
   *
   * @throws IllegalStateException when the session has no base URL
   */
  public void set(String name, String value) {
    if (host == null) {
      throw new IllegalStateException("set a cookie with a domain: the session has no base URL");
    }
    set(name, value, host, "/");
  }

  /** Sets a cookie for {@code domain} and {@code path}. */
  public void set(String name, String value, String domain, String path) {
    BasicClientCookie cookie = new BasicClientCookie(name, value);
    cookie.setDomain(domain);
    cookie.setAttribute(Cookie.DOMAIN_ATTR, domain);
    cookie.setPath(path);
    store.addCookie(cookie);
  }

  /** Forgets every cookie. */
  public void clear() {
    store.clear();
  }

  CookieStore store() {
    return store;
  }
}
