def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'a/data/tables/total/latest.parquet').length() > 0 : 'module a not built'
assert log.contains('[INFO] [a] audit: 0 errors')
assert new File(basedir, 'lib/target/lib-1.jar').isFile()
assert !log.contains('[lib] alcove') : 'the plugin ran in a module that does not declare it'

def list = new File(basedir, 'list.log').text
assert list.contains('BUILD SUCCESS')
assert list.count('table://total/latest') == 1
assert list.contains('alcove: skipped: lib has no alcove.yaml')
assert list.contains('alcove: skipped: multi-module-with-plugin-management aggregates modules')
true
