def log = new File(basedir, 'build.log').text
assert !log.contains('not marked as thread-safe') : 'a goal is not marked thread-safe'
assert log.contains('MultiThreadedBuilder') : 'the build did not run in parallel'
assert log.contains('[INFO] [reactor-with-two-alcoves-in-parallel] alcove: skipped: reactor-with-two-alcoves-in-parallel aggregates modules and has no alcove.yaml')
['a', 'b'].each {
  assert new File(basedir, "${it}/data/tables/total/latest.parquet").length() > 0 : "module ${it} not built"
  assert new File(basedir, "${it}/data/tables/total/latest.meta.yaml").text.contains('status: success')
  assert log =~ /\[INFO\] \[${it}\] (built|restored) table:\/\/total\/latest/ : "no line of module ${it} carries its name"
  assert log.contains("[INFO] [${it}] audit: 0 errors") : "module ${it}: no audit line with its name"
}
def direct = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'direct.log'))
assert direct.contains('no alcove.yaml') && direct.contains(basedir.name) : direct
true
