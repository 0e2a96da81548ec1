import groovy.json.JsonSlurper

// Needs an agent that reports locationKind (issue 12): the check upgrades an old entry only to a
// location the report marks as application code.
//
// Invocations 1 (verify with the old baseline), 2 (writeBaseline) and 3 (check with the rewritten
// baseline) write one build.log, in that order.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/example/library/Library.java').readLines()
def loop = "com.example.library.Library.titlesByAuthor(Library.java:${source.findIndexOf { it.contains('// N+1: the books of each author') } + 1})"
def baseline = new File(basedir, 'nplusone-baseline.json')
def scope = 'com.example.library.TitlesTest#listsTheTitlesOfEachAuthor'
def shape = 'select title from book where author_id = ? order by id'

// The agent names the application's line, and says it is the application's.
def report = new JsonSlurper().parse(new File(basedir, 'target/nplusone').listFiles().find { it.name.endsWith('.json') })
def finding = report.findings.find { it.type == 'n_plus_one' && it.scope == scope }
assert finding.location == loop
assert finding.locationKind == 'application'

// 1. The entry recorded at the pool's frame matched by type, scope and statement, and the check said so.
assert log.contains("[INFO] nplusone check: baseline entry upgraded: N+1 in ${scope} (${shape}), recorded at"
        + " com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery (a frame this run no longer reports), is now at ${loop};"
        + " record the new location with -Dnplusone.writeBaseline=${baseline.absolutePath}\n")
assert log.count('[INFO] nplusone check: PASSED, no breach; 1 known from the baseline\n') == 2 : 'runs 1 and 3 passed on the baseline'

// 2. Written again, the entry holds the application's method and says it is application code.
assert log.contains("[INFO] nplusone check: baseline entry upgraded: N+1 in ${scope} (${shape}), recorded at"
        + " com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery (a frame this run no longer reports), is now at ${loop};"
        + " the baseline written now records the new location\n")
def entries = new JsonSlurper().parse(baseline).breaches
assert entries == [[type: 'n_plus_one', scope: scope, shape: shape, method: 'com.example.library.Library.titlesByAuthor',
                    locationKind: 'application']]

// 3. Matched exactly now: no more word about it.
assert log.count('baseline entry upgraded') == 2
assert log.trim().split('\n').findAll { it.contains('BUILD ') }.collect { it.trim() } == ['[INFO] BUILD SUCCESS'] * 3
