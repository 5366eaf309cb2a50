// A real Spark Connect server, from the class path the test server module wrote; where it cannot
// start, this test is skipped and says why.
import dev.alcove.core.testing.SparkConnectTestServer
def classPath = new File(basedir, '../../../../alcove-spark-test-server/target/server.classpath').canonicalFile
System.setProperty('alcove.spark.server.classpath', classPath.path)
try {
  def server = SparkConnectTestServer.get()
  new File(basedir, '.mvn').mkdirs()
  new File(basedir, '.mvn/maven.config').text = '-Dalcove.spark=' + server.remote() + '\n'
  return true
} catch (Throwable e) {
  println 'spark-step-runs-on-spark-connect skipped: ' + e.message
  return false
}
