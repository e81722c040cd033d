// SPDX-License-Identifier: BSD-2-Clause
/*
 * Diagnostics. The library is silent by default: a client API must not
 * write to a program's stderr on its own. TEEC_LOG_LEVEL=1 prints errors
 * (failed ioctls, refused requests), 2 adds informational messages (e.g.
 * a fallback to a shadow buffer), 3 adds a line per call.
 */
#include "teec_private.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_once_t level_once = PTHREAD_ONCE_INIT;
static int log_level; /* written once under level_once, then read-only */

static void read_level(void)
{
	const char *s = getenv("TEEC_LOG_LEVEL");

	if (s && *s >= '0' && *s <= '9')
		log_level = (int)strtol(s, NULL, 10);
}

void rteec_log(int level, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	pthread_once(&level_once, read_level);
	if (level > log_level)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One write per message, so that threads do not interleave. */
	fprintf(stderr, "libteec: %s\n", line);
}
