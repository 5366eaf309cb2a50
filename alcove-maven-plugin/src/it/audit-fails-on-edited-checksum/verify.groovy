def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] snapshot://people/2024-07-26: ERROR: local data changed in data/snapshots/people/2024-07-26.csv') : log
assert log.contains('[ERROR] data/.gitignore: ERROR: does not list snapshots/people/2024-07-26.csv (fix with -Dalcove.fix=true)')
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('audit: 2 errors, 1 warning') : error
true
