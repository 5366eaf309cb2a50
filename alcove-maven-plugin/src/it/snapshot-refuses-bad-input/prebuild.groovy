new File(basedir, "input/empty/sub").mkdirs()
// data is never in git (data/.gitignore lists it): the existing snapshot's data is made here
new File(basedir, "data/snapshots/ok/2024-07-26.csv").text = "a,b\n1,2\n"
// Record every file (build state under target/ aside)'s bytes before the builds, to show afterwards that none changed.
def state = new StringBuilder()
basedir.eachFileRecurse { f -> if (f.isFile() && !f.path.contains('/target/') && !f.name.endsWith('.log') && f.name != 'build.log') state << f.path << ' ' << f.bytes.encodeBase64() << '\n' }
new File(basedir, 'before.state').text = state.toString()
true
