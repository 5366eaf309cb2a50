SELECT range AS n FROM range(5) ORDER BY n
