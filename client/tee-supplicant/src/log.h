/*
 * Logging: leveled messages to stderr, a file or syslog, safe to call from
 * every request thread.
 */
#ifndef SUPP_LOG_H
#define SUPP_LOG_H

enum supp_log_level {
	SUPP_LOG_NONE = -1, /* silent (unit tests) */
	SUPP_LOG_ERROR = 0,
	SUPP_LOG_WARN = 1,
	SUPP_LOG_INFO = 2,
	SUPP_LOG_DEBUG = 3,
};

enum supp_log_sink {
	SUPP_LOG_STDERR,
	SUPP_LOG_FILE,
	SUPP_LOG_SYSLOG,
};

/* Parses "error|warn|info|debug" or "0".."3"; -1 if neither. */
int supp_log_parse_level(const char *s);

void supp_log_set_level(int level);
int supp_log_get_level(void);

/*
 * Selects the sink. For SUPP_LOG_FILE, path is opened for appending; returns
 * 0, or -errno (the sink is left unchanged).
 */
int supp_log_open(enum supp_log_sink sink, const char *path);

void supp_log(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define EMSG(...) supp_log(SUPP_LOG_ERROR, __VA_ARGS__)
#define WMSG(...) supp_log(SUPP_LOG_WARN, __VA_ARGS__)
#define IMSG(...) supp_log(SUPP_LOG_INFO, __VA_ARGS__)
#define DMSG(...) supp_log(SUPP_LOG_DEBUG, __VA_ARGS__)

#endif
