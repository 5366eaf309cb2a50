package dev.alcove.core.store.s3;

import dev.alcove.core.errors.AlcoveException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The AWS SDK for Java v2's default credential chain (environment, web identity for EKS and GitHub
 * OIDC role assumption, SSO and other profiles, {@code credential_process}, ECS and EC2 instance
 * roles), loaded from the SDK's jars in a class loader of its own, so that none of its classes meet
 * Maven's or alcove's. It is asked before every request: the SDK caches what it found and renews
 * temporary credentials before they expire.
 */
public final class SdkCredentialChain implements CredentialSource {

  private static final String PACKAGE = "software.amazon.awssdk.auth.credentials.";

  private final ClassLoader loader;
  private final Object provider;
  private final Method resolve;
  private final Method accessKey;
  private final Method secretKey;
  private final Class<?> sessionCredentials;
  private final Method sessionToken;

  private SdkCredentialChain(ClassLoader loader, Optional<String> profile)
      throws ReflectiveOperationException {
    this.loader = loader;
    Class<?> chain = loader.loadClass(PACKAGE + "DefaultCredentialsProvider");
    Object builder = chain.getMethod("builder").invoke(null);
    if (profile.isPresent()) {
      builder =
          builder.getClass().getMethod("profileName", String.class).invoke(builder, profile.get());
    }
    this.provider = builder.getClass().getMethod("build").invoke(builder);
    Class<?> providerType = loader.loadClass(PACKAGE + "AwsCredentialsProvider");
    this.resolve = providerType.getMethod("resolveCredentials");
    Class<?> credentials = loader.loadClass(PACKAGE + "AwsCredentials");
    this.accessKey = credentials.getMethod("accessKeyId");
    this.secretKey = credentials.getMethod("secretAccessKey");
    this.sessionCredentials = loader.loadClass(PACKAGE + "AwsSessionCredentials");
    this.sessionToken = sessionCredentials.getMethod("sessionToken");
  }

  /**
   * Loads the chain from the SDK's jars (the plugin resolves them only when it needs them), asking
   * {@code profile} where one is named instead of the SDK's own choice.
   */
  public static CredentialSource load(List<Path> jars, Optional<String> profile) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(jar.toString(), e);
      }
    }
    URLClassLoader loader =
        new URLClassLoader(
            "aws-sdk-credentials", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    try {
      return new SdkCredentialChain(loader, profile);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new AlcoveException(
          "cannot load the AWS SDK's credential chain from its " + jars.size() + " jars: " + e);
    }
  }

  @Override
  public S3Credentials current() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // The SDK finds its HTTP client through the context class loader.
    thread.setContextClassLoader(loader);
    try {
      Object found = resolve.invoke(provider);
      Optional<String> token =
          sessionCredentials.isInstance(found)
              ? Optional.of((String) sessionToken.invoke(found))
              : Optional.empty();
      return new S3Credentials(
          (String) accessKey.invoke(found), (String) secretKey.invoke(found), token);
    } catch (InvocationTargetException e) {
      String reason = String.valueOf(e.getCause().getMessage());
      throw new AlcoveException(
          "the AWS SDK's credential chain found no credentials ("
              + reason.lines().findFirst().orElse("").replaceAll("\\s*:\\s*\\[.*", "")
              + ")");
    } catch (ReflectiveOperationException e) {
      throw new AlcoveException("cannot ask the AWS SDK's credential chain: " + e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public String describe() {
    return "the AWS SDK's default credential chain";
  }
}
