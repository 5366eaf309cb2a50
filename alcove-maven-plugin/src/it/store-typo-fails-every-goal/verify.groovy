def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal') && log.contains('pom <store>: the s3 store has no setting \'bukcet\' (did you mean bucket?)') : log
assert !log.contains('at dev.alcove') : 'a stack trace instead of one line'
assert new File(basedir, 'alcove.yaml').text == 'version: 1\ndata_dir: data\nsteps: {}\n'
true
