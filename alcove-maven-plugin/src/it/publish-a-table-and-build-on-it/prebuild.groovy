def root = new File(basedir, 'pom.xml').text
def value = { name -> (root =~ "<${name}>([^<]+)</${name}>")[0][1] }
['producer', 'consumer'].each { project ->
  def pom = new File(basedir, "${project}/pom.xml")
  pom.text = pom.text
      .replace('@project.groupId@', value('plugin.groupId'))
      .replace('@project.artifactId@', value('plugin.artifactId'))
      .replace('@project.version@', value('plugin.version'))
}
true
