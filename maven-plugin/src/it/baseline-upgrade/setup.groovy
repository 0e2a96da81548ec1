// A baseline as the check wrote it while the agent located this N+1 at the pool's frame: no
// locationKind (the check did not record one then), the method of HikariCP's statement proxy.
new File(basedir, 'nplusone-baseline.json').text = '''{
  "version": 1,
  "breaches": [
    {
      "type": "n_plus_one",
      "scope": "com.example.library.TitlesTest#listsTheTitlesOfEachAuthor",
      "shape": "select title from book where author_id = ? order by id",
      "method": "com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery"
    }
  ]
}
'''
true
