package dev.alcove.core.context;

import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.concurrent.Workers;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.Depot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What one goal's work shares, made once by the front end: the log, the front end's words, the
 * clock, one budget of threads for everything the goal does, the store (opened on first use only,
 * and closed with the context) and the class path of Java steps (resolved on first use only).
 *
 * <p>{@code threads} bounds the threads at work: hashing, steps and copies all draw on one budget,
 * so work started inside other work never multiplies it. Transfers, which wait on the network
 * rather than on a core, may use a few more threads (at most {@link #transfers()}) unless the goal
 * is told to use one thread, which then really means one.
 */
public final class GoalContext implements AutoCloseable {

  private final FrontEnd frontEnd;
  private final AlcoveLog log;
  private final Clock clock;
  private final int threads;
  private final ThreadBudget work;
  private final ThreadBudget transfers;
  private final ExecutorService workers;
  private final Supplier<Depot> opener;
  private final Supplier<List<Path>> javaClassPathResolver;
  private final Supplier<dev.alcove.core.spark.SparkSql> sparkOpener;
  private CompletableFuture<Depot> depot;
  private List<Path> javaClassPath;
  private dev.alcove.core.spark.SparkSql spark;
  private final boolean view;

  private GoalContext(Builder builder) {
    this.frontEnd = builder.frontEnd;
    this.log = builder.log;
    this.clock = builder.clock;
    this.threads = builder.threads;
    this.workers = Workers.forGoal("goal");
    this.work = ThreadBudget.of(threads, workers);
    this.transfers = ThreadBudget.of(threads == 1 ? 1 : Math.max(threads, TRANSFERS), workers);
    this.opener = builder.store;
    this.javaClassPathResolver = builder.javaClassPath;
    this.sparkOpener = builder.spark;
    this.view = false;
  }

  /** A view of {@code parent} that logs to {@code log}: it shares all the rest, and owns none. */
  private GoalContext(GoalContext parent, AlcoveLog log) {
    this.frontEnd = parent.frontEnd;
    this.log = log;
    this.clock = parent.clock;
    this.threads = parent.threads;
    this.workers = parent.workers;
    this.work = parent.work;
    this.transfers = parent.transfers;
    this.opener = parent::depot;
    this.javaClassPathResolver = parent::javaClassPath;
    this.sparkOpener = parent::spark;
    this.view = true;
  }

  /**
   * This goal's context with its messages going to {@code log} (work done on the side, such as
   * planning another revision quietly); closing it closes nothing of this one's.
   */
  public GoalContext loggingTo(AlcoveLog log) {
    return new GoalContext(this, log);
  }

  public static final int TRANSFERS = ThreadBudget.TRANSFERS;

  public static Builder builder() {
    return new Builder();
  }

  /** The front end whose words the goal's messages use. */
  public FrontEnd frontEnd() {
    return frontEnd;
  }

  public AlcoveLog log() {
    return log;
  }

  public Clock clock() {
    return clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The threads at work at once, as the user set them. */
  public int threads() {
    return threads;
  }

  /** The budget of threads for hashing, steps and planning. */
  public ThreadBudget work() {
    return work;
  }

  /** The budget of threads for copies to and from the store. */
  public ThreadBudget transfers() {
    return transfers;
  }

  /**
   * The goal's threads: everything the goal runs beside its own thread runs on these; budgets say
   * how many at once.
   */
  public Executor workers() {
    return workers;
  }

  /**
   * Starts opening the store in the background (connecting to S3 costs a second or more), for work
   * that will need it after something else; {@link #depot()} then waits for it.
   */
  public synchronized void openDepotSoon() {
    if (depot == null) {
      depot = CompletableFuture.supplyAsync(opener, workers);
    }
  }

  /** The store, opened on first use; the context closes it. */
  public Depot depot() {
    CompletableFuture<Depot> opening;
    synchronized (this) {
      if (depot == null) {
        depot = CompletableFuture.completedFuture(null).thenApply(ignored -> opener.get());
      }
      opening = depot;
    }
    try {
      return opening.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** The class path Java steps run with, resolved when the first one runs. */
  public synchronized List<Path> javaClassPath() {
    if (javaClassPath == null) {
      javaClassPath = List.copyOf(javaClassPathResolver.get());
    }
    return javaClassPath;
  }

  /** The goal's Spark session, connected when the first Spark step runs; the context closes it. */
  public synchronized dev.alcove.core.spark.SparkSql spark() {
    if (spark == null) {
      spark = sparkOpener.get();
    }
    return spark;
  }

  /**
   * Closes the store and the Spark session, if they were opened (or are being opened), and lets the
   * goal's threads go.
   */
  @Override
  public void close() {
    if (view) {
      return;
    }
    workers.shutdown();
    synchronized (this) {
      if (spark != null) {
        spark.close();
        spark = null;
      }
    }
    CompletableFuture<Depot> opening;
    synchronized (this) {
      opening = depot;
      depot = null;
    }
    if (opening != null) {
      opening.whenComplete(
          (opened, error) -> {
            if (opened != null) {
              opened.close();
            }
          });
    }
  }

  /** Sets up a context; every part has a default that suits a test or a one-off call. */
  public static final class Builder {
    private FrontEnd frontEnd = FrontEnd.NEUTRAL;
    private AlcoveLog log = AlcoveLog.SILENT;
    private Clock clock = Clock.systemDefaultZone();
    private int threads = dev.alcove.core.concurrent.Parallel.defaultThreads();
    private Supplier<Depot> store =
        () -> {
          throw new IllegalStateException("this goal has no store");
        };
    private Supplier<List<Path>> javaClassPath = List::of;
    private Supplier<dev.alcove.core.spark.SparkSql> spark =
        () -> {
          throw new dev.alcove.core.errors.AlcoveException(
              "no Spark Connect server is configured for this goal");
        };

    public Builder log(AlcoveLog log) {
      this.log = Objects.requireNonNull(log);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder threads(int threads) {
      this.threads = Math.max(1, threads);
      return this;
    }

    public Builder store(Supplier<Depot> store) {
      this.store = Objects.requireNonNull(store);
      return this;
    }

    public Builder javaClassPath(Supplier<List<Path>> javaClassPath) {
      this.javaClassPath = Objects.requireNonNull(javaClassPath);
      return this;
    }

    /** How the goal connects to Spark, when a Spark step runs. */
    public Builder spark(Supplier<dev.alcove.core.spark.SparkSql> spark) {
      this.spark = Objects.requireNonNull(spark);
      return this;
    }

    /** The front end whose words messages use; {@link FrontEnd#NEUTRAL} unless set. */
    public Builder frontEnd(FrontEnd frontEnd) {
      this.frontEnd = Objects.requireNonNull(frontEnd);
      return this;
    }

    public GoalContext build() {
      return new GoalContext(this);
    }
  }
}
