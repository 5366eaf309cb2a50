def error = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'build.log'))
assert error.contains('''no alcove.yaml in''') : error
assert error.contains('run mvn alcove:init to create an alcove')
