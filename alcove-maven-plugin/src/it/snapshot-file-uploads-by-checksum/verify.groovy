def sum = 'dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f'
def data = new File(basedir, 'data/snapshots/greetings/2024-07-26.csv')
assert data.text == 'Hello, World!'
assert new File(basedir, "store/df/fd/${sum}").text == 'Hello, World!'
def sidecar = new File(basedir, 'data/snapshots/greetings/2024-07-26.meta.yaml').text
assert sidecar.contains("checksum: ${sum}") && sidecar.contains('extension: .csv') && sidecar.contains('# license: ')
assert new File(basedir, 'data/.gitignore').text == 'tables/\n.*.tmp-*\nsnapshots/greetings/2024-07-26.csv\n'
assert new File(basedir, 'alcove.yaml').text.contains('snapshot://greetings/2024-07-26: []')
assert new File(basedir, 'run.log').text.contains('the one step is up to date: nothing to do')
true
