def catalogue = new File(basedir, 'alcove.yaml')
assert catalogue.text == 'version: 1\ndata_dir: data\nsteps: {}\n'
assert new File(basedir, 'data/.gitignore').text == 'tables/\n'
assert new File(basedir, 'build.log').text.contains('created alcove.yaml and data/.gitignore')
