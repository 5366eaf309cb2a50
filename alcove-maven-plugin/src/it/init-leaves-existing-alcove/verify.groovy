assert new File(basedir, 'alcove.yaml').text.contains('snapshot://countries/2024-07-26: []')
assert !new File(basedir, 'data/.gitignore').exists()
assert new File(basedir, 'build.log').text.contains('left untouched')
