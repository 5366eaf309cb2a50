new File(basedir, "input/empty/sub").mkdirs()
// Record every file's bytes before the builds, to show afterwards that none changed.
def state = new StringBuilder()
basedir.eachFileRecurse { f -> if (f.isFile() && !f.name.endsWith('.log') && f.name != 'build.log') state << f.path << ' ' << f.bytes.encodeBase64() << '\n' }
new File(basedir, 'before.state').text = state.toString()
true
