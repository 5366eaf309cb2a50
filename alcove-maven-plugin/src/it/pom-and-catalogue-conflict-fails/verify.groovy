def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'no goal failure in build.log'
assert error.contains('''in alcove.yaml but [] in the pom''') : error
assert !log.contains('\tat dev.alcove') : 'a stack trace was printed'
assert new File(basedir, 'alcove.yaml').text == '''version: 1
data_dir: data
steps:
  snapshot://countries/2024-07-26: []
  table://countries/summary/latest:
  - snapshot://countries/latest
''' : 'alcove.yaml changed'
assert !new File(basedir, 'src/steps').exists() : 'a definition was written'
