// The first invocation took the snapshot; damage the data now and restore it with a third build.
def folder = new File(basedir, 'data/snapshots/folder/2024-07-26')
def sidecar = new File(basedir, 'data/snapshots/folder/2024-07-26.meta.yaml').text
assert sidecar.contains('checksum: afb3d415e64aeea60c469e27f55ab97e506e68d548c909e30ed7f34d2b220586')
assert sidecar.contains('snapshot_type: directory')
assert new File(folder, 'sub/file3.txt').text == 'deep'
assert new File(basedir, 'data/.gitignore').text.contains('snapshots/folder/2024-07-26/\n')
assert new File(basedir, 'run.log').text.contains('up to date')
true
