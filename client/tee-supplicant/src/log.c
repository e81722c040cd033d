/*
 * Logging for the supplicant. One mutex keeps lines from different request
 * threads whole; the level is read without it (a plain int, set at start-up).
 */
#define _GNU_SOURCE
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static int log_level = SUPP_LOG_WARN;
static enum supp_log_sink log_sink = SUPP_LOG_STDERR;
static FILE *log_file;
static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;

static const char *const level_names[] = { "error", "warn", "info", "debug" };

int supp_log_parse_level(const char *s)
{
	if (!s || !*s)
		return -1;
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, level_names[i]))
			return i;
	if (!strcmp(s, "warning"))
		return SUPP_LOG_WARN;
	if (s[0] >= '0' && s[0] <= '3' && !s[1])
		return s[0] - '0';
	return -1;
}

void supp_log_set_level(int level)
{
	if (level < SUPP_LOG_NONE)
		level = SUPP_LOG_NONE;
	if (level > SUPP_LOG_DEBUG)
		level = SUPP_LOG_DEBUG;
	log_level = level;
}

int supp_log_get_level(void)
{
	return log_level;
}

int supp_log_open(enum supp_log_sink sink, const char *path)
{
	FILE *f = NULL;

	if (sink == SUPP_LOG_FILE) {
		int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
			      0600);

		if (fd < 0)
			return -errno;
		f = fdopen(fd, "a");
		if (!f) {
			int err = errno;

			close(fd);
			return -err;
		}
		setvbuf(f, NULL, _IOLBF, 0);
	}
	pthread_mutex_lock(&log_mutex);
	if (log_file)
		fclose(log_file);
	log_file = f;
	if (sink == SUPP_LOG_SYSLOG)
		openlog("tee-supplicant", LOG_PID, LOG_DAEMON);
	log_sink = sink;
	pthread_mutex_unlock(&log_mutex);
	return 0;
}

void supp_log(int level, const char *fmt, ...)
{
	static const int prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG };
	char msg[512];
	va_list ap;

	if (level > log_level)
		return;
	if (level < 0)
		level = 0;
	if (level > SUPP_LOG_DEBUG)
		level = SUPP_LOG_DEBUG;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	pthread_mutex_lock(&log_mutex);
	if (log_sink == SUPP_LOG_SYSLOG) {
		syslog(prio[level], "%s", msg);
	} else {
		FILE *out = log_sink == SUPP_LOG_FILE && log_file ? log_file
								  : stderr;
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		fprintf(out, "[%5lld.%03ld] tee-supplicant %s: %s\n",
			(long long)ts.tv_sec, ts.tv_nsec / 1000000,
			level_names[level], msg);
		fflush(out);
	}
	pthread_mutex_unlock(&log_mutex);
}
