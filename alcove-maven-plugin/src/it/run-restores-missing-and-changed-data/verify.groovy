def folder = new File(basedir, 'data/snapshots/greetings/2024-07-26')
assert new File(folder, 'file1.txt').text == 'Hello, World!'
assert new File(folder, 'file2.txt').text == 'Hello, Cosmos!'
assert !new File(folder, 'extra.txt').exists()
assert new File(basedir, 'data/snapshots/hello/2024-07-26.txt').text == 'Hello, World!'
def first = new File(basedir, 'first.log').text
assert first.contains('snapshot://greetings/2024-07-26: restore (local files differ from the manifest)') : first
assert first.contains('snapshot://hello/2024-07-26: restore (data missing)')
assert first.contains('1 file not in the manifest moved aside')
assert first.contains('[WARNING] data/snapshots/greetings/2024-07-26/file1.txt is not the data snapshot://greetings/2024-07-26 records: moved it to target/alcove/displaced/') : first
def displaced = new File(basedir, 'target/alcove/displaced').listFiles()
assert displaced.length == 1
assert new File(displaced[0], 'data/snapshots/greetings/2024-07-26/file1.txt').text == 'tampered'
assert new File(displaced[0], 'data/snapshots/greetings/2024-07-26/extra.txt').text == 'not in the manifest'
assert new File(basedir, 'second.log').text.contains('all 2 steps are up to date: nothing to do')
true
