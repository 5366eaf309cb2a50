def yaml = new File(basedir, 'alcove.yaml').text
assert yaml == '''version: 1
data_dir: data
steps:
  snapshot://countries/2024-07-26: []
  table://countries/by-year/latest: []
  table://countries/example/latest:
  - snapshot://countries/2024-07-26
  - table://countries/summary/latest
  table://countries/summary/latest:
  - snapshot://countries/latest
'''
def sql = new File(basedir, 'src/steps/tables/countries/summary.sql').text
assert sql.contains('{countries} = snapshot://countries/latest')
def py = new File(basedir, 'src/steps/tables/countries/by-year.py')
assert py.canExecute() && py.text.startsWith('#!/usr/bin/env python3')
def java = new File(basedir, 'src/steps/tables/countries/example.java').text
assert java.contains('class ExampleStep') && java.contains('summary = table://countries/summary/latest')
