package io.hatchery.master.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the server's {@link SSLContext} from PEM files, as Locust's {@code --tls-cert}/{@code
 * --tls-key} hand them to gevent. Only the JDK is used: PKCS#8 keys (RSA, EC, Ed25519) directly,
 * PKCS#1 {@code RSA PRIVATE KEY} blocks wrapped into PKCS#8. Stateless.
 */
final class PemTls {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

  /** DER prefix of a PKCS#8 PrivateKeyInfo for rsaEncryption, before the PKCS#1 octet string. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x02,
    0x01,
    0x00,
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemTls() {}

  /**
   * Reads both files and returns a TLS server context.
   *
   * @throws IllegalArgumentException with a message naming the file when a file is missing, holds
   *     no usable block, or the key does not parse
   */
  static SSLContext serverContext(TlsFiles files) {
    List<Certificate> chain = certificates(files);
    PrivateKey key = privateKey(files);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = new char[0];
      store.setKeyEntry("web", key, password, chain.toArray(Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "--tls-cert/--tls-key do not form a usable key pair: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(TlsFiles files) {
    List<Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(read(files.certificate(), "--tls-cert"))) {
        if (block.type().equals("CERTIFICATE")) {
          chain.add(factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--tls-cert " + files.certificate() + ": " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "--tls-cert " + files.certificate() + " holds no PEM CERTIFICATE block");
    }
    return chain;
  }

  private static PrivateKey privateKey(TlsFiles files) {
    for (Block block : blocks(read(files.privateKey(), "--tls-key"))) {
      byte[] pkcs8 =
          switch (block.type()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" -> wrapPkcs1(block.der());
            default -> null;
          };
      if (pkcs8 != null) {
        return decode(pkcs8, files);
      }
    }
    throw new IllegalArgumentException(
        "--tls-key "
            + files.privateKey()
            + " holds no unencrypted PEM 'PRIVATE KEY' or 'RSA PRIVATE KEY' block");
  }

  private static PrivateKey decode(byte[] pkcs8, TlsFiles files) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        "--tls-key " + files.privateKey() + ": not an RSA, EC or Ed25519 private key");
  }

  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] octets = concat(derHeader(0x04, pkcs1.length), pkcs1);
    byte[] body = concat(RSA_ALGORITHM_ID, octets);
    return concat(derHeader(0x30, body.length), body);
  }

  private static byte[] derHeader(int tag, int length) {
    if (length < 0x80) {
      return new byte[] {(byte) tag, (byte) length};
    }
    int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    byte[] header = new byte[2 + bytes];
    header[0] = (byte) tag;
    header[1] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      header[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
    }
    return header;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static String read(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e, e);
    }
  }

  private static List<Block> blocks(String pem) {
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(pem);
    while (matcher.find()) {
      String base64 = matcher.group(2).replaceAll("\\s", "");
      blocks.add(new Block(matcher.group(1), Base64.getDecoder().decode(base64)));
    }
    return blocks;
  }

  private record Block(String type, byte[] der) {}
}
