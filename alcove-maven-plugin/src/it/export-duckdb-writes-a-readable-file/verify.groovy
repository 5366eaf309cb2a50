def read(file, sql) {
  def properties = new Properties()
  properties.setProperty('access_mode', 'READ_ONLY')
  // DriverManager cannot see drivers of the script's class loader: use the driver itself
  def c = new org.duckdb.DuckDBDriver().connect('jdbc:duckdb:' + new File(basedir, file).path, properties)
  try { def rs = c.createStatement().executeQuery(sql); def out = []; while (rs.next()) { out << rs.getString(1) }; return out } finally { c.close() }
}
assert read('target/out.duckdb', 'SELECT table_name FROM information_schema.tables ORDER BY 1') == ['independent_latest', 'summary_latest', 'top_latest']
assert read('target/out.duckdb', "SELECT dim_region || '=' || people FROM summary_latest ORDER BY 1") == ['as=7', 'eu=15']
assert read('target/short.duckdb', 'SELECT table_name FROM information_schema.tables ORDER BY 1') == ['independent', 'summary', 'top']
assert new File(basedir, 'build.log').text.contains('built table://summary/latest') : 'export builds out-of-date tables first'
true
