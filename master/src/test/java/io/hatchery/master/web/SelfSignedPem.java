package io.hatchery.master.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1/localhost made by the JDK's {@code keytool} (run as a
 * process), written out as the PEM files {@code --tls-cert}/{@code --tls-key} take.
 */
final class SelfSignedPem {

  final Path certificate;
  final Path privateKey;
  final Certificate cert;
  final byte[] pkcs8;

  private SelfSignedPem(Path certificate, Path privateKey, Certificate cert, byte[] pkcs8) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.cert = cert;
    this.pkcs8 = pkcs8;
  }

  static SelfSignedPem create(Path dir) throws Exception {
    Path store = dir.resolve("web.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "web",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    Certificate cert = keys.getCertificate("web");
    byte[] pkcs8 = keys.getKey("web", "changeit".toCharArray()).getEncoded();
    Path certificate = dir.resolve("cert.pem");
    Path privateKey = dir.resolve("key.pem");
    Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(privateKey, pem("PRIVATE KEY", pkcs8));
    return new SelfSignedPem(certificate, privateKey, cert, pkcs8);
  }

  /** A client context that trusts exactly this certificate. */
  SSLContext trustingClient() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("web", cert);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
