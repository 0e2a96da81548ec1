// Invocation 1 (verify: the check fails the build) and invocation 2 (check with haltOnFailure=false)
// write one build.log, in that order.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/example/library/Library.java').readLines()
def lineOf = { String code -> source.findIndexOf { it.contains(code) } + 1 }
def titles = "com.example.library.Library.titlesByAuthor(Library.java:${lineOf('books.executeQuery()')})"
def stars = "com.example.library.Library.starsByBook(Library.java:${lineOf('reviews.executeQuery()')})"

// prepare-agent said what it set.
def reportPattern = new File(basedir, 'target/nplusone/nplusone-%p.json').absolutePath
assert log =~ /\[INFO\] argLine set to -javaagent:\S+\/nplusone-agent-[^\/]+\.jar=report=\Q${reportPattern}\E,packages=com\.example\n/

// Each of the two forked JVMs ran with the agent and wrote a report of its own.
def reports = new File(basedir, 'target/nplusone').listFiles().findAll { it.name ==~ /nplusone-\d+\.json/ }
assert reports.size() == 2 : "one report per forked JVM, found ${reports*.name}"

// The tests passed: the check failed the build, on the N+1s, each named by its statement and the
// method of its loop. The two come from different reports: the check read both.
assert log.contains('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('[INFO] nplusone check: 2 reports, 2 scopes (2 instances), 2 findings')
assert log =~ /\[ERROR\] Failed to execute goal dev\.nplusone:nplusone-maven-plugin:[^:]+:check \(default\) on project library-naive: nplusone check: FAILED, 2 breaches \(2 N\+1\)\n/
[
    "BREACH N+1 in com.example.library.StarsTest#sumsTheStarsOfEachBook: 10 executions in one scope instance at ${stars}",
    '  statement:   select stars from review where book_id = ?',
    "BREACH N+1 in com.example.library.TitlesTest#listsTheTitlesOfEachAuthor: 5 executions in one scope instance at ${titles}",
    '  statement:   select title from book where author_id = ? order by id',
].each { assert log.contains("[ERROR] ${it}\n") : "the failure message lacks: ${it}" }

// The configured SARIF and JUnit XML files, with paths relative to the project.
def sarif = new File(basedir, 'target/nplusone.sarif').text
assert sarif.contains('"uri": "src/main/java/com/example/library/Library.java"')
assert sarif.contains("\"startLine\": ${lineOf('books.executeQuery()')}")
def junit = new File(basedir, 'target/surefire-reports/TEST-nplusone.xml').text
assert junit.contains('<testsuite name="nplusone" tests="2" failures="2"')

// The HTML report beside the SARIF file: both findings, each with the lines of its loop.
def html = new File(basedir, 'target/nplusone.html')
assert log.contains("[INFO] nplusone check: HTML written to ${html.absolutePath}\n")
def page = html.text
assert page.contains('<tr class="finding"') && page.contains('select stars from review where book_id = ?')
assert page =~ /<mark class="at">\s*${lineOf('books.executeQuery()')}  /

// Invocation 2: the same breaches as warnings, and the build went on.
assert log.contains('[WARNING] haltOnFailure is false, so the build goes on despite:\n[WARNING] nplusone check: FAILED, 2 breaches (2 N+1)\n')
assert log.contains("[WARNING] BREACH N+1 in com.example.library.TitlesTest#listsTheTitlesOfEachAuthor: 5 executions in one scope instance at ${titles}\n")
assert log.trim().split('\n').findAll { it.contains('BUILD ') }.collect { it.trim() } == ['[INFO] BUILD FAILURE', '[INFO] BUILD SUCCESS']
