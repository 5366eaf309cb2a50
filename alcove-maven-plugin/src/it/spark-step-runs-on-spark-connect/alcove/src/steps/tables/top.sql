SELECT * FROM '{summary}' ORDER BY people DESC LIMIT 1
