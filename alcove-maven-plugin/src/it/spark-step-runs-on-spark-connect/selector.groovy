// A real Spark Connect server, from the jars the test server module copied; where it cannot start,
// this test is skipped and says why.
import dev.alcove.core.testing.SparkConnectTestServer
def lib = new File(basedir, '../../../../alcove-spark-test-server/target/lib').canonicalFile.toPath()
try {
  def server = SparkConnectTestServer.get(lib)
  new File(basedir, '.mvn').mkdirs()
  new File(basedir, '.mvn/maven.config').text = '-Dalcove.spark=' + server.remote() + '\n'
  return true
} catch (Throwable e) {
  println 'spark-step-runs-on-spark-connect skipped: ' + e.message
  return false
}
