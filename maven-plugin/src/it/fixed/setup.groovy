// Reports an earlier build left: had prepare-agent kept them, the check would read them and fail.
def reports = new File(basedir, 'target/n plus one')
new File(reports, 'old').mkdirs()
new File(reports, 'nplusone-1.json').text = '{"version": 1, "findings": [{"type": "n_plus_one"'
new File(reports, 'old/nplusone-2.json').text = 'not JSON at all'
true // a hook script passes when it returns true (or nothing)
