// A real Spark Connect server, from the class path the test server module wrote; where it cannot
// start, this test is skipped and says why. A class path that is not there is the build's mistake,
// and fails the build instead.
import dev.alcove.core.testing.SparkConnectTestServer
def classPath = new File(basedir, '../../../../alcove-spark-test-server/target/server.classpath').canonicalFile
System.setProperty('alcove.spark.server.classpath', classPath.path)
try {
  def server = SparkConnectTestServer.get()
  new File(basedir, '.mvn').mkdirs()
  new File(basedir, '.mvn/maven.config').text = '-Dalcove.spark=' + server.remote() + '\n'
  return true
} catch (org.opentest4j.TestAbortedException e) {
  println 'spark-step-runs-on-spark-connect skipped: ' + e.message
  return false
}
