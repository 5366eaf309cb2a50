def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'no goal failure in build.log'
assert error.contains('''no alcove.yaml in''') : error
assert !log.contains('\tat dev.alcove') : 'a stack trace was printed'
assert log.contains('run `mvn alcove:init`')
