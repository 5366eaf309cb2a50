// a root .gitignore cannot be committed inside this repository's tests without taking effect here
new File(basedir, '.gitignore').text = new File(basedir, 'gitignore.fixture').text
true
