dev.alcove.maven.it.ItS3.start(basedir, '.', 'clone', 'offline')
new File(basedir, 'clone/data/snapshots/hello/2024-07-26.txt').delete()
// a third alcove like the second, for the offline builds
['alcove.yaml', 'data/snapshots/hello/2024-07-26.meta.yaml'].each {
  def copy = new File(basedir, "offline/${it}")
  copy.parentFile.mkdirs()
  copy.text = new File(basedir, "clone/${it}").text
}
true
