// The version under test, from this folder's placeholder pom (which invoker filters; scripts it does not).
def version = (new File(basedir, 'pom.xml').text =~ /<plugin.version>([^<]+)</)[0][1]
// Run the repository's example project as it is, on its real data: copy it here.
def example = new File(basedir, '../../../../example-project').canonicalFile
assert new File(example, 'alcove.yaml').exists() : "no example project at ${example}"
example.eachFileRecurse { f ->
  def relative = example.toPath().relativize(f.toPath()).toString()
  if (f.isFile() && !relative.startsWith('target') && !relative.startsWith('data/tables') && !(relative.startsWith('data/') && relative.endsWith('.csv'))) {
    def copy = new File(basedir, relative)
    copy.parentFile.mkdirs()
    copy.bytes = f.bytes
    copy.setExecutable(f.canExecute())
  }
}
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<alcove.version>0.1.0-SNAPSHOT</alcove.version>', "<alcove.version>${version}</alcove.version>")
true
