try {
  def sum = 'dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f'
  assert new File(basedir, "s3-blobs/alcove-bucket/team/df/fd/${sum}").text == 'Hello, World!'
  ['dotenv', 'environment'].each { source ->
    assert new File(basedir, "${source}-snapshot.log").text.contains(' in s3://alcove-bucket/team') : source
    assert new File(basedir, "${source}-audit.log").text.contains('audit: 0 errors') : "${source}: remote audit"
    assert new File(basedir, "${source}-export.log").text =~ /exported \d+ tables/ : source
    ['run', 'list', 'db', 'new-table', 'init'].each {
      assert new File(basedir, "${source}-${it}.log").text.contains('BUILD SUCCESS') : "${source}-${it}"
    }
    def failure = dev.alcove.maven.it.BuildLog.failure(new File(basedir, "${source}-missing-bucket.log"))
    assert failure.contains('no-such-bucket') : failure
  }
  // The program step printed its environment: the keys given to alcove are not in it.
  def printed = new File(basedir, 'environment-run.log').text
  assert printed.contains('step environment: PATH=') : printed
  assert !printed.contains('step environment: S3_ACCESS_KEY=') : printed
  def secret = 'alcove-it-' + 'SECRET-4d2e9b'
  def inputs = ['invoker.properties', '.env']
  def scanned = 0
  basedir.eachFileRecurse { f ->
    if (f.isFile() && !f.path.contains('s3-blobs') && !(f.name in inputs) && f.length() < 10_000_000) {
      scanned++
      assert !f.text.contains(secret) : "the secret key appears in ${f}"
    }
  }
  assert scanned > 20 : "only ${scanned} files scanned"
} finally {
  dev.alcove.maven.it.ItS3.stop(basedir)
}
true
