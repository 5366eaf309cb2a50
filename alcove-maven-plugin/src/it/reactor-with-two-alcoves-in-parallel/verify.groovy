def log = new File(basedir, 'build.log').text
assert !log.contains('not marked as thread-safe') : 'a goal is not marked thread-safe'
assert log.contains('MultiThreadedBuilder') : 'the build did not run in parallel'
['a', 'b'].each {
  assert new File(basedir, "${it}/data/tables/total/latest.parquet").length() > 0 : "module ${it} not built"
  assert new File(basedir, "${it}/data/tables/total/latest.meta.yaml").text.contains('status: success')
}
true
