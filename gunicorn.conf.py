# Gunicorn settings for Peluit. No access log: it would record reporters'
# addresses and browsers. The error log goes through a logger that removes
# any network address gunicorn itself would write.
accesslog = None
errorlog = "-"
loglevel = "warning"
logger_class = "peluit.core.gunicorn_logging.AnonymousLogger"
workers = 2
threads = 4
worker_class = "gthread"
timeout = 120
limit_request_line = 8190
forwarded_allow_ips = "127.0.0.1"
# Whatever the process creates (databases, evidence, secrets) is for the
# service account alone.
umask = 0o077
