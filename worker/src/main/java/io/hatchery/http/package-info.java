/**
 * The HTTP client of simulated users: {@link io.hatchery.http.HttpSession} over Apache HttpClient 5
 * (Locust's {@code HttpSession}), its options, bodies, responses and response checks. Requests are
 * reported through {@link io.hatchery.http.RequestReporter}; nothing here knows about statistics.
 */
package io.hatchery.http;
