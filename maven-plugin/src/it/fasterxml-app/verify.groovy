import groovy.json.JsonSlurper

// An application whose package starts with com.fasterxml. (Jackson's prefix), run without the
// packages option: its frames are still the application's, because its classes come from
// target/classes, not from a jar. Needs the agent of issue 12, which classes frames by where they
// were loaded from; an agent that classes them by a list of names takes them for Jackson's.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/fasterxml/sample/library/Library.java').readLines()
def loop = "com.fasterxml.sample.library.Library.titlesByAuthor(Library.java:${source.findIndexOf { it.contains('// N+1: the books of each author') } + 1})"
def scope = 'com.fasterxml.sample.library.TitlesTest#listsTheTitlesOfEachAuthor'

def reports = new File(basedir, 'target/nplusone').listFiles().findAll { it.name.endsWith('.json') }
assert reports.size() == 1
def findings = new JsonSlurper().parse(reports[0]).findings.findAll { it.type == 'n_plus_one' }
assert findings.size() == 1 : findings
assert findings[0].scope == scope
assert findings[0].location == loop : "located at ${findings[0].location}, not at the application's loop ${loop}"
assert findings[0].locationKind == 'application'

assert !log.contains('packages=') : 'no packages option'
assert log.contains("[ERROR] BREACH N+1 in ${scope}: 4 executions in one scope instance at ${loop}\n")
