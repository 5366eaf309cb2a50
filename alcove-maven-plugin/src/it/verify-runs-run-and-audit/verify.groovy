def log = new File(basedir, 'build.log').text
assert log.indexOf(':run (default)') < log.indexOf(':audit (default)') : 'run must come before audit'
['alcove.yaml: OK', 'snapshot://people/2024-07-26: warning: no source_url', 'table://summary/latest: OK', 'table://top/latest: OK', 'data/.gitignore: OK', 'audit: 0 errors, 1 warning'].each {
  assert log.contains(it) : "missing: ${it}"
}
true
