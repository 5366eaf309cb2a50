def log = new File(basedir, 'build.log').text
assert !log.contains('not marked as thread-safe') : 'a goal is not marked thread-safe'
assert log.contains('MultiThreadedBuilder') : 'the build did not run in parallel'
assert log.contains('[INFO] [reactor-with-two-alcoves-in-parallel] alcove: skipped: reactor-with-two-alcoves-in-parallel aggregates modules and has no alcove.yaml')
assert log.contains('[INFO] [lib] alcove: skipped: lib has no alcove.yaml (mvn alcove:init -pl lib gives it one)') : 'the jar module was not skipped in one line'
assert new File(basedir, 'lib/target/lib-1.jar').isFile() : 'the jar module was not packaged'
['a', 'b'].each {
  assert new File(basedir, "${it}/data/tables/total/latest.parquet").length() > 0 : "module ${it} not built"
  assert new File(basedir, "${it}/data/tables/total/latest.meta.yaml").text.contains('status: success')
  assert log =~ /\[INFO\] \[${it}\] (built|restored) table:\/\/total\/latest/ : "no line of module ${it} carries its name"
  assert log.contains("[INFO] [${it}] audit: 0 errors") : "module ${it}: no audit line with its name"
}
def direct = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'direct.log'))
assert direct.contains('no alcove.yaml') && direct.contains(basedir.name) : direct

def list = new File(basedir, 'list.log').text
assert list.contains('BUILD SUCCESS')
assert list.count('table://total/latest') == 2 : 'list did not run in both data modules'
assert list.contains('alcove: skipped: lib has no alcove.yaml')

def init = new File(basedir, 'init.log').text
assert init.contains('BUILD SUCCESS')
assert init.contains('alcove: skipped: not initialised reactor-with-two-alcoves-in-parallel: in a multi-module build, initialise one module with mvn alcove:init -pl <module>')
assert init.contains('alcove: skipped: not initialised lib: in a multi-module build, initialise one module with mvn alcove:init -pl lib')
assert !new File(basedir, 'alcove.yaml').exists() && !new File(basedir, 'lib/alcove.yaml').exists()

def lib = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'lib.log'))
assert lib.contains('no alcove.yaml') && lib.contains('lib') : lib
true
