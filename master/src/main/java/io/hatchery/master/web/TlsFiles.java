package io.hatchery.master.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files of {@code --tls-cert} and {@code --tls-key} that turn the web UI into HTTPS. The
 * certificate file holds one or more {@code CERTIFICATE} blocks (server first, then its chain); the
 * key file one unencrypted {@code PRIVATE KEY} (PKCS#8) or {@code RSA PRIVATE KEY} (PKCS#1) block.
 * Immutable; the files are read when the server starts.
 *
 * @param certificate the certificate chain file
 * @param privateKey the private key file
 */
public record TlsFiles(Path certificate, Path privateKey) {

  public TlsFiles {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }
}
