# Gunicorn settings for Peluit. No access log: it would record reporters'
# addresses and browsers. Errors still go to the console.
accesslog = None
errorlog = "-"
loglevel = "info"
workers = 2
threads = 4
worker_class = "gthread"
timeout = 120
# Header sizes of a normal browser; nothing else is logged per request.
limit_request_line = 8190
forwarded_allow_ips = "127.0.0.1"
