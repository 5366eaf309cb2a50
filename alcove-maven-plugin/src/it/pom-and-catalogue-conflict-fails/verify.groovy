def error = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'build.log'))
assert error.contains('''in alcove.yaml but [] in the pom''') : error
assert new File(basedir, 'alcove.yaml').text == '''version: 1
data_dir: data
steps:
  snapshot://countries/2024-07-26: []
  table://countries/summary/latest:
  - snapshot://countries/latest
''' : 'alcove.yaml changed'
assert !new File(basedir, 'src/steps').exists() : 'a definition was written'
