try {
  def snapshot = new File(basedir, 'snapshot.log').text
  assert snapshot.contains('stored 1 object in s3://alcove-bucket/role at http://127.0.0.1:') : snapshot
  def sum = new File(basedir, 'data/snapshots/hello/2024-07-26.meta.yaml').text.find(/checksum: ([0-9a-f]{64})/) { it[1] }
  assert new File(basedir, "s3-blobs/alcove-bucket/role/${sum[0..1]}/${sum[2..3]}/${sum}").text == 'Hello from a role\n'
  assert dev.alcove.maven.it.ItAwsCredentials.asked(basedir) >= 1
  assert !new File(basedir, 'list.log').text.contains('alcove-aws-credentials')
} finally {
  dev.alcove.maven.it.ItAwsCredentials.stop(basedir)
  dev.alcove.maven.it.ItS3.stop(basedir)
}
true
