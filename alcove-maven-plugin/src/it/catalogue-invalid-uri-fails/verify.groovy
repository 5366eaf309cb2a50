def error = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'build.log'))
assert error.contains('''alcove.yaml:4: invalid step URI 'snapshot://countries/2024-7-26'''') : error
assert new File(basedir, 'alcove.yaml').text == '''version: 1
data_dir: data
steps:
  snapshot://countries/2024-7-26: []
''' : 'alcove.yaml changed'
assert !new File(basedir, 'src/steps').exists() : 'a definition was written'
