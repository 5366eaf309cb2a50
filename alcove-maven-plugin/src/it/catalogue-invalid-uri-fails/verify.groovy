def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'no goal failure in build.log'
assert error.contains('''alcove.yaml:4: invalid step URI 'snapshot://countries/2024-7-26'''') : error
assert !log.contains('\tat dev.alcove') : 'a stack trace was printed'
assert new File(basedir, 'alcove.yaml').text == '''version: 1
data_dir: data
steps:
  snapshot://countries/2024-7-26: []
''' : 'alcove.yaml changed'
assert !new File(basedir, 'src/steps').exists() : 'a definition was written'
